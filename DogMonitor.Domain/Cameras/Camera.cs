namespace DogMonitor.Domain.Cameras;

/// <summary>A configured camera, validated.</summary>
/// <param name="Id">Stable id (see <see cref="CameraId"/>).</param>
/// <param name="Name">What people see.</param>
/// <param name="Source">Where its video comes from.</param>
public sealed record Camera(string Id, string Name, CameraSource Source)
{
    /// <summary>How the recorder notices activity on it.</summary>
    public Activity.ActivityOptions Activity { get; init; } = new();
}
