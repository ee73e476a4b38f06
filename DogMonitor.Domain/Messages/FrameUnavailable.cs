namespace DogMonitor.Domain.Messages;

/// <summary>Response to <see cref="CaptureFrame"/> when the buffer does not hold that moment.</summary>
public sealed record FrameUnavailable(string Reason);
