namespace DogMonitor.Domain.Cameras;

/// <summary>One camera from the <c>Cameras</c> list.</summary>
public sealed class CameraOptions
{
    /// <summary>Stable id used in URLs and stored with every item: lower-case letters, digits, '.', '_', '-'.</summary>
    public string Id { get; set; } = "";

    /// <summary>What people see.</summary>
    public string? Name { get; set; }

    /// <summary>
    /// Where video comes from: <c>synthetic</c> (or <c>synthetic:1280x720@25</c>) for a test pattern with the
    /// wall-clock time burnt in; an <c>rtsp://</c> URL (H.264 is recorded by stream copy); <c>v4l2:/dev/video0</c>
    /// for a webcam; <c>file:/path/video.mp4</c> for a video played in a loop.
    /// </summary>
    public string Source { get; set; } = "synthetic";

    /// <summary>Motion and sound detection, and how activity becomes moments.</summary>
    public Activity.ActivityOptions Activity { get; set; } = new();
}
