namespace DogMonitor.Domain.Cameras;

/// <summary>A video file played in a loop at its own speed, as if it were a camera.</summary>
public sealed record FileCameraSource(string Path) : CameraSource
{
    public override string ToString() => $"file:{Path}";
}
