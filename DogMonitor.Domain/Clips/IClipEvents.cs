using DogMonitor.Domain.Messages;

namespace DogMonitor.Domain.Clips;

/// <summary>
/// Tells others what happens to clips: every status change and deletion (built by <see cref="ClipEvents"/>), for open
/// pages and API clients, and every clip that needs cutting, for a worker. The hosts publish them on the bus; the domain knows nothing
/// of it (as <see cref="Snapshots.ISnapshotEvents"/> for snapshots). The row is the truth and these are news, so a
/// caller logs a failure to tell and goes on.
/// </summary>
public interface IClipEvents
{
    Task StatusChangedAsync(ClipStatusChanged change, CancellationToken cancellationToken);

    /// <summary>The clip is gone (built by <see cref="ClipEvents.Deleted"/>), for API clients following it.</summary>
    Task DeletedAsync(ClipDeleted deleted, CancellationToken cancellationToken);

    /// <summary>A worker should cut <paramref name="clipId"/> (a new clip, or one put back in the queue).</summary>
    Task CutRequestedAsync(Guid clipId, CancellationToken cancellationToken);
}
