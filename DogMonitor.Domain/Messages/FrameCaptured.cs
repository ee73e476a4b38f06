namespace DogMonitor.Domain.Messages;

/// <summary>Response to <see cref="CaptureFrame"/>: the frame as JPEG.</summary>
public sealed record FrameCaptured(byte[] Jpeg);
