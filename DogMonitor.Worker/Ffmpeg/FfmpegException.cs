namespace DogMonitor.Worker.Ffmpeg;

/// <summary>ffmpeg or ffprobe failed; carries the last lines it wrote to stderr.</summary>
public sealed class FfmpegException(string message, string stderrTail, Exception? inner = null) : Exception(message, inner)
{
    public string StderrTail { get; } = stderrTail;
}
