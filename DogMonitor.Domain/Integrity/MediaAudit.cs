using DogMonitor.Domain.Clips;
using DogMonitor.Domain.Persistence;
using DogMonitor.Domain.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DogMonitor.Domain.Integrity;

/// <summary>
/// Audits the media store against the database: objects no row names (an upload whose row was never written, a crash
/// between the two) and rows whose objects are gone. Counts them and, when asked, repairs: unnamed objects older than
/// <see cref="MediaAuditOptions.OrphanGrace"/> are removed, ready clips without their video or preview are marked
/// failed with the reason (and open pages hear it), ready clips that only lost their scrub strip forget it. Objects are named by the id in their key's folder
/// (<see cref="ClipKeys"/>, <see cref="MediaKeys"/>).
/// </summary>
public sealed partial class MediaAudit(
    DogMonitorDbContext db, IMediaStore store, IClipEvents events, IOptions<MediaAuditOptions> options, TimeProvider clock, ILogger<MediaAudit> logger)
{
    private const string SnapshotFolder = "snapshots/";
    private const string ClipFolder = "clips/";

    public async Task<MediaAuditReport> RunAsync(bool repair, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        // Rows first, then objects: an object stored after the rows were read looks unnamed, and the grace period keeps
        // it; read the other way round, a clip made ready after the listing would look as if it had lost its video.
        var snapshots = await db.Snapshots.AsNoTracking().Select(s => new { s.Id, s.ImageKey, s.ThumbnailKey }).ToListAsync(cancellationToken);
        var clips = await db.Clips.AsNoTracking().Select(c => new { c.Id, c.OwnerId, c.CameraId, c.Status, c.VideoKey, c.PreviewKey, c.PreviewSpriteKey }).ToListAsync(cancellationToken);
        List<StoredObject> objects = [.. await store.ListAsync(SnapshotFolder, cancellationToken), .. await store.ListAsync(ClipFolder, cancellationToken)];

        var snapshotIds = snapshots.Select(s => s.Id).ToHashSet();
        var clipIds = clips.Select(c => c.Id).ToHashSet();
        var present = objects.Select(o => o.Key).ToHashSet(StringComparer.Ordinal);
        var orphans = objects.Where(o => IdOf(o.Key) is not { } id || !(o.Key.StartsWith(SnapshotFolder, StringComparison.Ordinal) ? snapshotIds : clipIds).Contains(id)).ToList();
        var clipsMissing = clips.Where(c => c.Status == ClipStatus.Ready && (!present.Contains(c.VideoKey ?? "") || !present.Contains(c.PreviewKey ?? ""))).ToList();
        var spritesMissing = clips.Where(c => c.Status == ClipStatus.Ready && c.PreviewSpriteKey is { } sprite && !present.Contains(sprite)).Except(clipsMissing).ToList();
        var snapshotsMissing = snapshots.Count(s => !present.Contains(s.ImageKey) || !present.Contains(s.ThumbnailKey));

        int removed = 0, marked = 0;
        if (repair)
        {
            foreach (var orphan in orphans.Where(o => now - o.LastModified >= options.Value.OrphanGrace))
            {
                if (await NamedNowAsync(orphan.Key, cancellationToken)) continue; // its row was written meanwhile
                await store.DeleteAsync(orphan.Key, cancellationToken);
                LogOrphanRemoved(logger, orphan.Key, orphan.LastModified);
                removed++;
            }
            foreach (var clip in clipsMissing)
            {
                // Looked at again one by one: the listing is a moment old.
                var missing = new List<string>();
                foreach (var key in new[] { clip.VideoKey, clip.PreviewKey })
                    if (key is null || !await ExistsAsync(key, cancellationToken)) missing.Add(key ?? "(none)");
                if (missing.Count == 0) continue;
                var error = ClipRules.MediaMissing(store.Description);
                if (!await ClipClaims.LoseMediaAsync(db, clip.Id, error, now, cancellationToken)) continue;
                LogClipMediaMissing(logger, clip.Id, string.Join(", ", missing));
                marked++;
                try { await events.StatusChangedAsync(ClipEvents.MediaLost(new OwnedClip(clip.Id, clip.OwnerId, clip.CameraId), error, now), cancellationToken); }
                catch (Exception ex) when (ex is not OperationCanceledException) { LogNotPublished(logger, clip.Id, ex.Message); }
            }
            foreach (var clip in spritesMissing)
                if (!await ExistsAsync(clip.PreviewSpriteKey!, cancellationToken) && await ClipClaims.ForgetSpriteAsync(db, clip.Id, clip.PreviewSpriteKey!, now, cancellationToken))
                    LogSpriteForgotten(logger, clip.Id, clip.PreviewSpriteKey!);
        }

        var report = new MediaAuditReport(now, store.Description, objects.Count, snapshots.Count, clips.Count,
            orphans.Count, removed, clipsMissing.Count, marked, snapshotsMissing, spritesMissing.Count, repair);
        LogReport(logger, report.Objects, report.OrphanObjects, report.OrphanObjectsRemoved, report.ClipsMissingMedia, report.ClipsMarkedFailed, report.SnapshotsMissingMedia);
        return report;
    }

    /// <summary>The id in a key's folder (<c>clips/{id}/video.mp4</c>), or null for a key that has none.</summary>
    private static Guid? IdOf(string key)
    {
        var parts = key.Split('/');
        return parts.Length >= 3 && Guid.TryParseExact(parts[1], "N", out var id) ? id : null;
    }

    private async Task<bool> NamedNowAsync(string key, CancellationToken cancellationToken)
    {
        if (IdOf(key) is not { } id) return false;
        return key.StartsWith(SnapshotFolder, StringComparison.Ordinal)
            ? await db.Snapshots.AnyAsync(s => s.Id == id, cancellationToken)
            : await db.Clips.AnyAsync(c => c.Id == id, cancellationToken);
    }

    private async Task<bool> ExistsAsync(string key, CancellationToken cancellationToken)
    {
        await using var found = await store.OpenReadAsync(key, cancellationToken);
        return found is not null;
    }

    [LoggerMessage(LogLevel.Warning, "Media audit: removed {Key}, stored {LastModified:u}, which no snapshot or clip names")]
    private static partial void LogOrphanRemoved(ILogger logger, string key, DateTime lastModified);

    [LoggerMessage(LogLevel.Warning, "Media audit: clip {ClipId} is ready but {Keys} is not in the store; marked failed")]
    private static partial void LogClipMediaMissing(ILogger logger, Guid clipId, string keys);

    [LoggerMessage(LogLevel.Warning, "Media audit: clip {ClipId} is ready but its scrub strip {Key} is not in the store; its cards show the still preview")]
    private static partial void LogSpriteForgotten(ILogger logger, Guid clipId, string key);

    [LoggerMessage(LogLevel.Warning, "Media audit: could not publish that clip {ClipId} failed: {Reason}")]
    private static partial void LogNotPublished(ILogger logger, Guid clipId, string reason);

    [LoggerMessage(LogLevel.Information, "Media audit: {Objects} objects; {Orphans} named by no row ({Removed} removed); {ClipsMissing} ready clips missing media ({Marked} marked failed); {SnapshotsMissing} snapshots missing media")]
    private static partial void LogReport(ILogger logger, int objects, int orphans, int removed, int clipsMissing, int marked, int snapshotsMissing);
}
