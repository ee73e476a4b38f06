namespace DogMonitor.Domain.Cameras;

/// <summary>A local webcam through Video4Linux2.</summary>
public sealed record V4l2CameraSource(string DevicePath) : CameraSource
{
    public override string ToString() => $"v4l2:{DevicePath}";
}
