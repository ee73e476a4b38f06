namespace DogMonitor.Worker.Ffmpeg;

/// <summary>The written clip, as ffprobe measures it.</summary>
public sealed record CutResult(string Path, TimeSpan Duration, long SizeBytes, int Width, int Height, double? FramesPerSecond = null);
