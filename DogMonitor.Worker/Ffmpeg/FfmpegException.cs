namespace DogMonitor.Worker.Ffmpeg;

/// <summary>ffmpeg or ffprobe failed; carries the last lines it wrote to stderr.</summary>
public sealed class FfmpegException(string message, string stderrTail, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>The last lines (up to 20, newest last, joined by '\n') ffmpeg wrote to stderr; empty when it could not be started.</summary>
    public string StderrTail { get; } = stderrTail;
}
