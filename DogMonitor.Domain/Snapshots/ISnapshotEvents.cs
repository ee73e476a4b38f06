namespace DogMonitor.Domain.Snapshots;

/// <summary>Tells others that a snapshot was stored (the web app publishes it on the bus for open pages).</summary>
public interface ISnapshotEvents
{
    Task CreatedAsync(Snapshot snapshot, CancellationToken cancellationToken);
}
