namespace DogMonitor.Domain.Snapshots;

/// <summary>A snapshot as a client sends it, before any rule is applied.</summary>
public sealed record NewSnapshot(string? Timestamp, IReadOnlyList<string?>? Labels, string? Note, string? FrameData, string? CameraId);
