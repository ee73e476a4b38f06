namespace DogMonitor.Domain.Clips;

/// <summary>A clip as a client asks for it, before any rule is applied.</summary>
public sealed record NewClip(string? StartTs, long? DurationMs, IReadOnlyList<string?>? Labels, string? Note, string? CameraId, string? Mode);
