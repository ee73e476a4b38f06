using DogMonitor.Domain.Messages;
using DogMonitor.Domain.Snapshots;
using DogMonitor.Worker.Messaging;

namespace DogMonitor.Web.Snapshots;

/// <summary>
/// Publishes <see cref="SnapshotCreated"/> and <see cref="SnapshotDeleted"/> on the bus, so every web process's open
/// galleries and API clients hear of them.
/// </summary>
public sealed class PublishedSnapshotEvents(BoundedPublisher publisher, TimeProvider clock) : ISnapshotEvents
{
    public Task CreatedAsync(Snapshot snapshot, CancellationToken cancellationToken) =>
        publisher.PublishAsync(new SnapshotCreated(snapshot.Id, snapshot.OwnerId, clock.GetUtcNow().UtcDateTime), cancellationToken);

    public Task DeletedAsync(Snapshot snapshot, CancellationToken cancellationToken) =>
        publisher.PublishAsync(new SnapshotDeleted(snapshot.Id, snapshot.OwnerId, clock.GetUtcNow().UtcDateTime), cancellationToken);
}
