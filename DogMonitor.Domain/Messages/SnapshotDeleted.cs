namespace DogMonitor.Domain.Messages;

/// <summary>A snapshot was deleted; API clients showing it drop it.</summary>
public sealed record SnapshotDeleted(Guid SnapshotId, string OwnerId, DateTime At)
{
    /// <inheritdoc cref="ClipStatusChanged.EventId"/>
    public Guid EventId { get; init; } = Guid.CreateVersion7();
}
