using DogMonitor.Domain.Messages;
using DogMonitor.Domain.Snapshots;
using MassTransit;

namespace DogMonitor.Web.Snapshots;

/// <summary>Publishes <see cref="SnapshotCreated"/> on the bus, so every web process's open galleries hear of it.</summary>
public sealed class PublishedSnapshotEvents(IPublishEndpoint publisher, TimeProvider clock) : ISnapshotEvents
{
    public Task CreatedAsync(Snapshot snapshot, CancellationToken cancellationToken) =>
        publisher.Publish(new SnapshotCreated(snapshot.Id, snapshot.OwnerId, clock.GetUtcNow().UtcDateTime), cancellationToken);
}
