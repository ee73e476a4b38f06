using DogMonitor.Domain.Persistence;
using Microsoft.Extensions.Logging;

namespace DogMonitor.Domain.Clips;

/// <summary>
/// Puts a new clip in the queue: its row is committed first (with whatever else belongs with it), then open pages and a
/// worker are told. A lost message only delays the clip: the lease sweeper publishes queued clips again.
/// </summary>
public sealed partial class ClipQueue(DogMonitorDbContext db, IClipEvents events, ILogger<ClipQueue> logger)
{
    /// <param name="alongside">Rows added in the same transaction (a moment with its clip).</param>
    public async Task<Clip> QueueAsync(Clip clip, DateTime now, CancellationToken cancellationToken, params object[] alongside)
    {
        db.Clips.Add(clip);
        foreach (var row in alongside) db.Add(row);
        await db.SaveChangesAsync(cancellationToken);
        try
        {
            // The news first: an idle worker's "processing" must not reach open pages before "queued" does.
            await events.StatusChangedAsync(ClipEvents.Queued(clip, now), cancellationToken);
            await events.CutRequestedAsync(clip.Id, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The row is the job: the sweeper publishes it again once the broker is back.
            LogPublishFailed(logger, clip.Id, ex.Message);
        }
        return clip;
    }

    [LoggerMessage(LogLevel.Warning, "Clip {ClipId} is queued but its job could not be published yet: {Reason}")]
    private static partial void LogPublishFailed(ILogger logger, Guid clipId, string reason);
}
