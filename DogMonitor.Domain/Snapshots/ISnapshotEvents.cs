namespace DogMonitor.Domain.Snapshots;

/// <summary>Tells others that a snapshot was stored or deleted (the web app publishes it on the bus for open pages and API clients).</summary>
public interface ISnapshotEvents
{
    Task CreatedAsync(Snapshot snapshot, CancellationToken cancellationToken);

    Task DeletedAsync(Snapshot snapshot, CancellationToken cancellationToken);
}
