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
                .SetProperty(c => c.Error, (string?)null)
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
                .SetProperty(c => c.PreviewSpriteKey, output.SpriteKey)
                .SetProperty(c => c.FramesPerSecond, output.FramesPerSecond)
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
    /// <param name="reason">Why this try failed, kept in <see cref="Clip.Error"/> while the clip waits; null when it did
    /// not fail (the worker is stopping), and then the try is given back: it does not count against the clip's attempts.</param>
    public static async Task<bool> ReleaseAsync(DogMonitorDbContext db, Guid clipId, Guid token, string? reason, DateTime now, CancellationToken cancellationToken) =>
        await Claimed(db, clipId, token)
            .ExecuteUpdateAsync(s => s
                .SetProperty(c => c.Status, ClipStatus.Queued)
                .SetProperty(c => c.Error, reason)
                .SetProperty(c => c.Attempts, c => reason == null ? c.Attempts - 1 : c.Attempts)
                .SetProperty(c => c.ClaimToken, (Guid?)null)
                .SetProperty(c => c.LeaseUntil, (DateTime?)null)
                .SetProperty(c => c.UpdatedAt, now), cancellationToken) == 1;

    /// <summary>Fails a queued clip that has used up its attempts, saying why the last one failed when it is known.</summary>
    /// <returns>The clip and its reason (<see cref="ClipRules.OutOfAttempts"/>); null when it was not given up (not queued, attempts left, gone).</returns>
    public static async Task<(OwnedClip Clip, string Error)?> GiveUpAsync(DogMonitorDbContext db, Guid clipId, ClipOptions options, DateTime now, CancellationToken cancellationToken)
    {
        var clip = await db.Clips.AsNoTracking()
            .Where(c => c.Id == clipId && c.Status == ClipStatus.Queued && c.Attempts >= options.MaxAttempts)
            .Select(c => new { c.OwnerId, c.CameraId, c.Error }).FirstOrDefaultAsync(cancellationToken);
        if (clip is null) return null;
        var error = ClipRules.OutOfAttempts(options.MaxAttempts, clip.Error);
        var failed = await db.Clips
            .Where(c => c.Id == clipId && c.Status == ClipStatus.Queued && c.Attempts >= options.MaxAttempts)
            .ExecuteUpdateAsync(s => s
                .SetProperty(c => c.Status, ClipStatus.Failed)
                .SetProperty(c => c.Error, error)
                .SetProperty(c => c.UpdatedAt, now), cancellationToken) == 1;
        return failed ? (new OwnedClip(clipId, clip.OwnerId, clip.CameraId), error) : null;
    }

    /// <summary>Fails a ready clip whose media are gone from the store (the media audit); false when it is no longer ready.</summary>
    public static async Task<bool> LoseMediaAsync(DogMonitorDbContext db, Guid clipId, string error, DateTime now, CancellationToken cancellationToken) =>
        await db.Clips
            .Where(c => c.Id == clipId && c.Status == ClipStatus.Ready)
            .ExecuteUpdateAsync(s => s
                .SetProperty(c => c.Status, ClipStatus.Failed)
                .SetProperty(c => c.Error, error)
                .SetProperty(c => c.UpdatedAt, now), cancellationToken) == 1;

    /// <summary>Forgets a ready clip's scrub strip that is gone from the store (the media audit); its cards then show the still preview.</summary>
    public static async Task<bool> ForgetSpriteAsync(DogMonitorDbContext db, Guid clipId, string spriteKey, DateTime now, CancellationToken cancellationToken) =>
        await db.Clips
            .Where(c => c.Id == clipId && c.Status == ClipStatus.Ready && c.PreviewSpriteKey == spriteKey)
            .ExecuteUpdateAsync(s => s
                .SetProperty(c => c.PreviewSpriteKey, (string?)null)
                .SetProperty(c => c.UpdatedAt, now), cancellationToken) == 1;

    /// <summary>Puts clips whose worker stopped renewing back in the queue; returns them.</summary>
    public static async Task<List<OwnedClip>> RequeueLapsedAsync(DogMonitorDbContext db, DateTime now, CancellationToken cancellationToken)
    {
        var lapsed = await db.Clips.AsNoTracking()
            .Where(c => c.Status == ClipStatus.Processing && c.LeaseUntil < now)
            .Select(c => new { c.Id, c.OwnerId, c.CameraId, c.ClaimToken }).ToListAsync(cancellationToken);
        var requeued = new List<OwnedClip>();
        foreach (var clip in lapsed)
            // Still lapsed at the update: a worker that renewed in between keeps its claim.
            if (await Claimed(db, clip.Id, clip.ClaimToken!.Value).Where(c => c.LeaseUntil < now)
                    .ExecuteUpdateAsync(s => s
                        .SetProperty(c => c.Status, ClipStatus.Queued)
                        .SetProperty(c => c.Error, ClipRules.WorkerStopped)
                        .SetProperty(c => c.ClaimToken, (Guid?)null)
                        .SetProperty(c => c.LeaseUntil, (DateTime?)null)
                        .SetProperty(c => c.UpdatedAt, now), cancellationToken) == 1)
                requeued.Add(new OwnedClip(clip.Id, clip.OwnerId, clip.CameraId));
        return requeued;
    }

    /// <summary>
    /// Clips queued for longer than their retry delay (<see cref="ClipRules.RetryDelay"/>: longer after each failed try);
    /// their timestamp is bumped so each is republished once per delay.
    /// </summary>
    public static async Task<List<Guid>> TouchStaleQueuedAsync(DogMonitorDbContext db, DateTime now, ClipOptions options, CancellationToken cancellationToken)
    {
        var before = now - options.QueuedRepublishAfter;
        var stale = await db.Clips.AsNoTracking()
            .Where(c => c.Status == ClipStatus.Queued && c.UpdatedAt < before)
            // Oldest first, so a backlog of more than one batch is worked through in order.
            .OrderBy(c => c.UpdatedAt)
            .Select(c => new { c.Id, c.UpdatedAt, c.Attempts }).Take(500).ToListAsync(cancellationToken);
        var touched = new List<Guid>();
        foreach (var clip in stale.Where(c => now - c.UpdatedAt >= ClipRules.RetryDelay(options, c.Attempts)))
            if (await db.Clips.Where(c => c.Id == clip.Id && c.Status == ClipStatus.Queued && c.UpdatedAt == clip.UpdatedAt)
                    .ExecuteUpdateAsync(s => s.SetProperty(c => c.UpdatedAt, now), cancellationToken) == 1)
                touched.Add(clip.Id);
        return touched;
    }

    internal static IQueryable<Clip> Claimed(DogMonitorDbContext db, Guid clipId, Guid token) =>
        db.Clips.Where(c => c.Id == clipId && c.Status == ClipStatus.Processing && c.ClaimToken == token);
}
