using System.Globalization;

namespace DogMonitor.Domain.Cameras;

/// <summary>A test pattern with the wall-clock time burnt in; needs no hardware.</summary>
public sealed record SyntheticCameraSource(int Width, int Height, int FramesPerSecond) : CameraSource
{
    public static SyntheticCameraSource Default { get; } = new(1280, 720, 25);

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"synthetic:{Width}x{Height}@{FramesPerSecond}");
}
