namespace DogMonitor.Domain.Messages;

/// <summary>Request: the full-resolution frame a camera recorded at a wall-clock time.</summary>
public sealed record CaptureFrame(string CameraId, DateTime Timestamp);
