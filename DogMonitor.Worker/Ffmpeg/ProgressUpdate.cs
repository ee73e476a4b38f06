namespace DogMonitor.Worker.Ffmpeg;

/// <summary>One block of ffmpeg's <c>-progress</c> output.</summary>
/// <param name="OutTime">How far into the output ffmpeg has written; null when it did not say (N/A).</param>
/// <param name="IsEnd">True on the last block (<c>progress=end</c>).</param>
internal readonly record struct ProgressUpdate(TimeSpan? OutTime, bool IsEnd);
