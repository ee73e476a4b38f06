using DogMonitor.Domain.Messages;
using DogMonitor.Domain.Snapshots;
using DogMonitor.Worker.Messaging;

namespace DogMonitor.Web.Snapshots;

/// <summary>Publishes <see cref="SnapshotCreated"/> on the bus, so every web process's open galleries hear of it.</summary>
public sealed class PublishedSnapshotEvents(BoundedPublisher publisher, TimeProvider clock) : ISnapshotEvents
{
    public Task CreatedAsync(Snapshot snapshot, CancellationToken cancellationToken) =>
        publisher.PublishAsync(new SnapshotCreated(snapshot.Id, snapshot.OwnerId, clock.GetUtcNow().UtcDateTime), cancellationToken);
}
