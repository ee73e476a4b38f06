using DogMonitor.Domain.Clips;
using DogMonitor.Domain.Persistence;
using DogMonitor.Domain.Problems;
using DogMonitor.Domain.Storage;
using Microsoft.EntityFrameworkCore;

namespace DogMonitor.Worker.Clips;

/// <summary>
/// The media a cut leaves that nobody owns: those of a clip deleted during its cut, and those of a clip a trim took the
/// place of. What cannot be removed now is left for the media audit.
/// </summary>
public sealed partial class ClipMediaCleanup(IServiceScopeFactory scopes, IMediaStore store, IClipEvents events, TimeProvider clock, ILogger<ClipMediaCleanup> logger)
{
    /// <summary>
    /// Removes the clip's objects when its row is gone (they belong to nobody). When the row is still there another
    /// worker took the clip over and the objects under its keys are that worker's: they stay.
    /// </summary>
    public async Task RemoveIfDeletedAsync(Guid clipId)
    {
        try
        {
            await using (var scope = scopes.CreateAsyncScope())
                if (await scope.ServiceProvider.GetRequiredService<DogMonitorDbContext>().Clips.AnyAsync(c => c.Id == clipId)) return;
            await DeleteMediaAsync(clipId);
        }
        catch (Exception ex) when (ex is DependencyUnavailableException || DatabaseErrors.IsDatabaseFailure(ex))
        {
            LogCleanupFailed(logger, clipId, ex.Message);
        }
    }

    /// <summary>Removes the media of the clip a trim replaced (its row went with the trim's completion); what fails is left for the media audit.</summary>
    public async Task RetireAsync(OwnedClip replaced, Guid replacement)
    {
        try
        {
            await events.DeletedAsync(ClipEvents.Replaced(replaced, clock.GetUtcNow().UtcDateTime), CancellationToken.None);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogReplacedNotPublished(logger, replaced.Id, ex.Message);
        }
        try
        {
            await DeleteMediaAsync(replaced.Id);
            LogReplaced(logger, replaced.Id, replacement);
        }
        catch (DependencyUnavailableException ex)
        {
            LogCleanupFailed(logger, replaced.Id, ex.Message);
        }
    }

    private async Task DeleteMediaAsync(Guid clipId)
    {
        foreach (var key in ClipKeys.All(clipId)) await store.DeleteAsync(key, CancellationToken.None);
    }

    [LoggerMessage(LogLevel.Information, "Clip {ClipId} was replaced by its trim {Replacement}; its media are removed")]
    private static partial void LogReplaced(ILogger logger, Guid clipId, Guid replacement);

    [LoggerMessage(LogLevel.Warning, "Could not check or remove the objects of clip {ClipId}: {Reason}")]
    private static partial void LogCleanupFailed(ILogger logger, Guid clipId, string reason);

    [LoggerMessage(LogLevel.Warning, "Could not publish that clip {ClipId} was replaced by its trim: {Reason}")]
    private static partial void LogReplacedNotPublished(ILogger logger, Guid clipId, string reason);
}
