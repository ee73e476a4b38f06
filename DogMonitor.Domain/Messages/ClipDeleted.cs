namespace DogMonitor.Domain.Messages;

/// <summary>A clip was deleted (its cut, if one was running, stops); API clients following it drop it. Built by <see cref="Clips.ClipEvents"/>.</summary>
public sealed record ClipDeleted(Guid ClipId, string OwnerId, DateTime At)
{
    /// <inheritdoc cref="ClipStatusChanged.EventId"/>
    public Guid EventId { get; init; } = Guid.CreateVersion7();

    /// <inheritdoc cref="ClipStatusChanged.CameraId"/>
    public string? CameraId { get; init; }

    /// <summary>The moment that went with the clip, when it was a moment's.</summary>
    public Guid? MomentId { get; init; }
}
