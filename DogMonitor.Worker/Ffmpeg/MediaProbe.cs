namespace DogMonitor.Worker.Ffmpeg;

/// <summary>What ffprobe says about a media file.</summary>
internal sealed record MediaProbe(TimeSpan Duration, int Width, int Height, string VideoCodec, string? AudioCodec);
