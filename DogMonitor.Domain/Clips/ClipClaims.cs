using DogMonitor.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DogMonitor.Domain.Clips;

/// <summary>
/// The conditional updates through which workers take, hold and finish clips. Each succeeds only
/// while the row is in the expected state and (once claimed) carries the worker's token, so a
/// redelivered message, a second worker or a deleted clip turns into "0 rows", never a second cut.
/// </summary>
public static class ClipClaims
{
    public static async Task<bool> TryClaimAsync(DogMonitorDbContext db, Guid clipId, Guid token, DateTime now, ClipOptions options, CancellationToken cancellationToken) =>
        await db.Clips
            .Where(c => c.Id == clipId && c.Status == ClipStatus.Queued && c.Attempts < options.MaxAttempts)
            .ExecuteUpdateAsync(s => s
                .SetProperty(c => c.Status, ClipStatus.Processing)
                .SetProperty(c => c.ClaimToken, token)
                .SetProperty(c => c.LeaseUntil, now + options.Lease)
                .SetProperty(c => c.Attempts, c => c.Attempts + 1)
                .SetProperty(c => c.Progress, 0)
                .SetProperty(c => c.UpdatedAt, now), cancellationToken) == 1;

    /// <summary>Renews the lease and records progress; false when the clip was deleted or taken over.</summary>
    public static async Task<bool> RenewAsync(DogMonitorDbContext db, Guid clipId, Guid token, int progress, DateTime now, ClipOptions options, CancellationToken cancellationToken) =>
        await Claimed(db, clipId, token)
            .ExecuteUpdateAsync(s => s
                .SetProperty(c => c.LeaseUntil, now + options.Lease)
                .SetProperty(c => c.Progress, progress)
                .SetProperty(c => c.UpdatedAt, now), cancellationToken) == 1;

    public static async Task<bool> CompleteAsync(DogMonitorDbContext db, Guid clipId, Guid token, ClipOutput output, DateTime now, CancellationToken cancellationToken) =>
        await Claimed(db, clipId, token)
            .ExecuteUpdateAsync(s => s
                .SetProperty(c => c.Status, ClipStatus.Ready)
                .SetProperty(c => c.Progress, 100)
                .SetProperty(c => c.VideoKey, output.VideoKey)
                .SetProperty(c => c.PreviewKey, output.PreviewKey)
                .SetProperty(c => c.ProducedDurationMs, output.DurationMs)
                .SetProperty(c => c.SizeBytes, output.SizeBytes)
                .SetProperty(c => c.Width, output.Width)
                .SetProperty(c => c.Height, output.Height)
                .SetProperty(c => c.Gaps, output.Gaps)
                .SetProperty(c => c.ClaimToken, (Guid?)null)
                .SetProperty(c => c.LeaseUntil, (DateTime?)null)
                .SetProperty(c => c.UpdatedAt, now), cancellationToken) == 1;

    public static async Task<bool> FailAsync(DogMonitorDbContext db, Guid clipId, Guid token, string error, DateTime now, CancellationToken cancellationToken) =>
        await Claimed(db, clipId, token)
            .ExecuteUpdateAsync(s => s
                .SetProperty(c => c.Status, ClipStatus.Failed)
                .SetProperty(c => c.Error, error)
                .SetProperty(c => c.ClaimToken, (Guid?)null)
                .SetProperty(c => c.LeaseUntil, (DateTime?)null)
                .SetProperty(c => c.UpdatedAt, now), cancellationToken) == 1;

    /// <summary>Gives the clip back to the queue (this worker is stopping, or a dependency failed).</summary>
    public static async Task<bool> ReleaseAsync(DogMonitorDbContext db, Guid clipId, Guid token, DateTime now, CancellationToken cancellationToken) =>
        await Claimed(db, clipId, token)
            .ExecuteUpdateAsync(s => s
                .SetProperty(c => c.Status, ClipStatus.Queued)
                .SetProperty(c => c.ClaimToken, (Guid?)null)
                .SetProperty(c => c.LeaseUntil, (DateTime?)null)
                .SetProperty(c => c.UpdatedAt, now), cancellationToken) == 1;

    /// <summary>Fails a queued clip that has used up its attempts.</summary>
    public static async Task<bool> GiveUpAsync(DogMonitorDbContext db, Guid clipId, ClipOptions options, DateTime now, CancellationToken cancellationToken) =>
        await db.Clips
            .Where(c => c.Id == clipId && c.Status == ClipStatus.Queued && c.Attempts >= options.MaxAttempts)
            .ExecuteUpdateAsync(s => s
                .SetProperty(c => c.Status, ClipStatus.Failed)
                .SetProperty(c => c.Error, ClipRules.OutOfAttempts(options.MaxAttempts))
                .SetProperty(c => c.UpdatedAt, now), cancellationToken) == 1;

    /// <summary>Fails a ready clip whose media are gone from the store (the media audit); false when it is no longer ready.</summary>
    public static async Task<bool> LoseMediaAsync(DogMonitorDbContext db, Guid clipId, string error, DateTime now, CancellationToken cancellationToken) =>
        await db.Clips
            .Where(c => c.Id == clipId && c.Status == ClipStatus.Ready)
            .ExecuteUpdateAsync(s => s
                .SetProperty(c => c.Status, ClipStatus.Failed)
                .SetProperty(c => c.Error, error)
                .SetProperty(c => c.UpdatedAt, now), cancellationToken) == 1;

    /// <summary>Puts clips whose worker stopped renewing back in the queue; returns them.</summary>
    public static async Task<List<OwnedClip>> RequeueLapsedAsync(DogMonitorDbContext db, DateTime now, CancellationToken cancellationToken)
    {
        var lapsed = await db.Clips.AsNoTracking()
            .Where(c => c.Status == ClipStatus.Processing && c.LeaseUntil < now)
            .Select(c => new { c.Id, c.OwnerId, c.ClaimToken }).ToListAsync(cancellationToken);
        var requeued = new List<OwnedClip>();
        foreach (var clip in lapsed)
            // Still lapsed at the update: a worker that renewed in between keeps its claim.
            if (await Claimed(db, clip.Id, clip.ClaimToken!.Value).Where(c => c.LeaseUntil < now)
                    .ExecuteUpdateAsync(s => s
                        .SetProperty(c => c.Status, ClipStatus.Queued)
                        .SetProperty(c => c.ClaimToken, (Guid?)null)
                        .SetProperty(c => c.LeaseUntil, (DateTime?)null)
                        .SetProperty(c => c.UpdatedAt, now), cancellationToken) == 1)
                requeued.Add(new OwnedClip(clip.Id, clip.OwnerId));
        return requeued;
    }

    /// <summary>Clips queued for longer than the republish delay; their timestamp is bumped so each is republished once per delay.</summary>
    public static async Task<List<Guid>> TouchStaleQueuedAsync(DogMonitorDbContext db, DateTime now, ClipOptions options, CancellationToken cancellationToken)
    {
        var before = now - options.QueuedRepublishAfter;
        var stale = await db.Clips.AsNoTracking()
            .Where(c => c.Status == ClipStatus.Queued && c.UpdatedAt < before)
            // Oldest first, so a backlog of more than one batch is worked through in order.
            .OrderBy(c => c.UpdatedAt)
            .Select(c => c.Id).Take(500).ToListAsync(cancellationToken);
        var touched = new List<Guid>();
        foreach (var id in stale)
            if (await db.Clips.Where(c => c.Id == id && c.Status == ClipStatus.Queued && c.UpdatedAt < before)
                    .ExecuteUpdateAsync(s => s.SetProperty(c => c.UpdatedAt, now), cancellationToken) == 1)
                touched.Add(id);
        return touched;
    }

    private static IQueryable<Clip> Claimed(DogMonitorDbContext db, Guid clipId, Guid token) =>
        db.Clips.Where(c => c.Id == clipId && c.Status == ClipStatus.Processing && c.ClaimToken == token);
}
