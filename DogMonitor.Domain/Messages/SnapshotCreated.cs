namespace DogMonitor.Domain.Messages;

/// <summary>A snapshot was stored; open galleries show it without a reload.</summary>
public sealed record SnapshotCreated(Guid SnapshotId, string OwnerId, DateTime At)
{
    /// <inheritdoc cref="ClipStatusChanged.EventId"/>
    public Guid EventId { get; init; } = Guid.CreateVersion7();
}
