using DogMonitor.Domain.Clips;

namespace DogMonitor.Domain.Messages;

/// <summary>A clip moved in its lifecycle or made progress; pages showing it update from this.</summary>
public sealed record ClipStatusChanged(Guid ClipId, string OwnerId, ClipStatus Status, int Progress, string? Error, DateTime At);
