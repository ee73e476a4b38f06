namespace DogMonitor.Domain.Messages;

/// <summary>A clip was deleted (its cut, if one was running, stops); API clients following it drop it. Built by <see cref="Clips.ClipEvents"/>.</summary>
public sealed record ClipDeleted(Guid ClipId, string OwnerId, DateTime At)
{
    /// <inheritdoc cref="ClipStatusChanged.EventId"/>
    public Guid EventId { get; init; } = Guid.CreateVersion7();
}
