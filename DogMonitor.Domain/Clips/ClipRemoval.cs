using DogMonitor.Domain.Persistence;
using DogMonitor.Domain.Problems;
using DogMonitor.Domain.Storage;
using Microsoft.Extensions.Logging;

namespace DogMonitor.Domain.Clips;

/// <summary>
/// How a clip goes, whoever removes it (its owner, or the retention of moments): the store is checked first, so an
/// unreachable store changes nothing; then the row (a running cut notices at its next heartbeat and stops), then the
/// objects, then the news for open pages and API clients.
/// </summary>
public sealed partial class ClipRemoval(DogMonitorDbContext db, IMediaStore store, IClipEvents events, TimeProvider clock, ILogger<ClipRemoval> logger)
{
    /// <param name="clip">A clip tracked by this scope's <see cref="DogMonitorDbContext"/>.</param>
    /// <param name="momentId">The moment that goes with it, when it is a moment's clip (the moments' retention knows it), for the news.</param>
    /// <exception cref="DependencyUnavailableException">The store cannot be reached: nothing was removed.</exception>
    public async Task RemoveAsync(Clip clip, CancellationToken cancellationToken, Guid? momentId = null)
    {
        await store.CheckAsync(cancellationToken);
        db.Clips.Remove(clip);
        await db.SaveChangesAsync(cancellationToken);
        // A worker that uploads after this finds its row gone and removes its own objects.
        foreach (var key in ClipKeys.All(clip.Id))
        {
            try { await store.DeleteAsync(key, CancellationToken.None); }
            catch (DependencyUnavailableException ex) { LogOrphan(logger, key, ex.Message); }
        }
        LogDeleted(logger, clip.Id, clip.Status);
        try
        {
            await events.DeletedAsync(ClipEvents.Deleted(clip, clock.GetUtcNow().UtcDateTime, momentId), CancellationToken.None);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // The clip is gone; clients following it only miss the news and find it gone on their next read.
            LogAnnounceFailed(logger, clip.Id, ex.Message);
        }
    }

    [LoggerMessage(LogLevel.Warning, "Clip {ClipId} is deleted but API clients could not be told: {Reason}")]
    private static partial void LogAnnounceFailed(ILogger logger, Guid clipId, string reason);

    [LoggerMessage(LogLevel.Information, "Clip {ClipId} deleted while {Status}")]
    private static partial void LogDeleted(ILogger logger, Guid clipId, ClipStatus status);

    [LoggerMessage(LogLevel.Warning, "Could not remove {Key} of a deleted clip; it is left in the store: {Reason}")]
    private static partial void LogOrphan(ILogger logger, string key, string reason);
}
