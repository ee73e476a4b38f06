namespace DogMonitor.Worker.Ffmpeg;

/// <summary>What ffprobe says about a media file.</summary>
/// <param name="FramesPerSecond">The video's average frame rate; null when ffprobe states none.</param>
internal sealed record MediaProbe(TimeSpan Duration, int Width, int Height, string VideoCodec, string? AudioCodec, double? FramesPerSecond = null);
