using DogMonitor.Domain.Clips;
using DogMonitor.Domain.Persistence;
using DogMonitor.Domain.Problems;
using DogMonitor.Domain.Recording;
using DogMonitor.Domain.Storage;
using DogMonitor.Worker.Ffmpeg;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DogMonitor.Worker.Clips;

/// <summary>
/// Cuts one clip: claims its row, holds the buffer segments (or fetches the clip a trim is cut from), cuts and
/// previews with ffmpeg, uploads, and marks it ready (a trim that replaces its source retires the source then). A heartbeat renews the claim and publishes progress; when the row is deleted
/// or taken over, the heartbeat cancels the cut.
/// </summary>
public sealed partial class ClipProcessor(
    IServiceScopeFactory scopes,
    IRecordingBuffer buffer,
    IClipCutter cutter,
    TrimSource trims,
    ClipUploader uploader,
    ClipMediaCleanup media,
    IClipEvents events,
    DataDirectory dataDirectory,
    IOptions<ClipOptions> options,
    TimeProvider clock,
    ILogger<ClipProcessor> logger)
{
    /// <param name="cancellationToken">Cancelled when this process stops: the clip goes back to the queue.</param>
    public async Task ProcessAsync(Guid clipId, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            // Asked in this process's last moments: the row stays queued, and the sweeper asks another worker.
            LogLeftForOthers(logger, clipId);
            return;
        }
        var token = Guid.NewGuid();
        var clip = await ClaimAsync(clipId, token, cancellationToken);
        if (clip is null) return;

        using var cut = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var heartbeat = new ClipHeartbeat(scopes, events, clip, token, options.Value, clock, cut, logger);
        var heartbeatTask = heartbeat.RunAsync();
        // Per claim, not per clip: a worker that lost its claim must not touch the files of the one that took over.
        var work = Path.Combine(dataDirectory.Path, "work", $"{clipId:N}-{token:N}");
        try
        {
            await PublishAsync(ClipEvents.Processing(clip, 0, Now));
            var output = await CutAndUploadAsync(clip, token, work, heartbeat, cut.Token);
            await heartbeat.StopAsync(heartbeatTask);
            await FinishAsync(clip, token, output);
        }
        catch (Exception ex) when (ex is RangeNotCoveredException or TrimSourceGoneException)
        {
            await heartbeat.StopAsync(heartbeatTask);
            await FailAsync(clip, token, ex.Message);
        }
        catch (FfmpegException ex) when (!heartbeat.Lost)
        {
            await heartbeat.StopAsync(heartbeatTask);
            LogFfmpegFailed(logger, ex, clipId, ex.StderrTail);
            await FailAsync(clip, token, $"ffmpeg could not cut this clip: {ex.Message}");
        }
        catch (Exception) when (heartbeat.Lost)
        {
            await media.RemoveIfDeletedAsync(clip.Id); // an upload may have finished before the cancel
            LogAbandoned(logger, clipId);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // This worker is stopping: the clip goes back and its cut is asked for again at once, so another worker
            // takes it now rather than when the sweeper looks. The message itself is done with: thrown back,
            // MassTransit would count a cancellation it did not ask for as a fault and park it in the error queue.
            await heartbeat.StopAsync(heartbeatTask);
            if (await ReleaseAsync(clip, token, reason: null)) await AskAgainAsync(clip.Id);
        }
        catch (Exception ex) when (ex is DependencyUnavailableException || DatabaseErrors.IsDatabaseFailure(ex))
        {
            // The media store or the database failed: give the clip back; the sweeper publishes it again after
            // Clips:QueuedRepublishAfter, and Clips:MaxAttempts bounds how often.
            await heartbeat.StopAsync(heartbeatTask);
            LogRetryLater(logger, clipId, ex.Message);
            await ReleaseAsync(clip, token, ex is DependencyUnavailableException ? ex.Message : "The database could not be reached.");
        }
        catch (Exception ex)
        {
            // Not a passing failure: trying again would fail the same way, so say what happened.
            await heartbeat.StopAsync(heartbeatTask);
            LogUnexpected(logger, ex, clipId);
            await FailAsync(clip, token, $"Cutting failed unexpectedly ({ex.GetType().Name}: {ex.Message}); see the worker's log.");
        }
        finally
        {
            await heartbeat.StopAsync(heartbeatTask);
            TryDeleteDirectory(work);
        }
    }

    private async Task<Clip?> ClaimAsync(Guid clipId, Guid token, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DogMonitorDbContext>();
        var now = Now;
        if (!await ClipClaims.TryClaimAsync(db, clipId, token, now, options.Value, cancellationToken))
        {
            if (await ClipClaims.GiveUpAsync(db, clipId, options.Value, now, cancellationToken) is { } given)
            {
                LogGaveUp(logger, clipId, given.Error);
                await PublishAsync(ClipEvents.GaveUp(given.Clip, given.Error, now));
            }
            else
            {
                LogNotClaimed(logger, clipId);
            }
            return null;
        }
        return await db.Clips.AsNoTracking().FirstOrDefaultAsync(c => c.Id == clipId, cancellationToken);
    }

    private async Task<ClipOutput> CutAndUploadAsync(Clip clip, Guid token, string work, ClipHeartbeat heartbeat, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(work);
        var video = Path.Combine(work, "video.mp4");
        var preview = Path.Combine(work, "preview.jpg");
        var sprite = Path.Combine(work, "sprite.jpg");
        var progress = new Progress<double>(fraction => heartbeat.Progress = (int)Math.Clamp(fraction * 90, 0, 90));
        var (result, gaps) = clip.SourceClipId is { } sourceId
            ? (await trims.CutAsync(clip, sourceId, work, video, progress, cancellationToken), clip.Gaps) // the source's gaps it spans, set when it was asked for
            : await CutFromBufferAsync(clip, token, video, progress, cancellationToken);
        await cutter.MakePreviewAsync(video, preview, options.Value.PreviewMaxSide, cancellationToken);
        var hasSprite = await TryMakeSpriteAsync(clip.Id, video, sprite, cancellationToken);
        heartbeat.Progress = 95;

        var output = new ClipOutput(ClipKeys.Video(clip.Id), ClipKeys.Preview(clip.Id), hasSprite ? ClipKeys.Sprite(clip.Id) : null,
            (int)Math.Round(result.Duration.TotalMilliseconds), result.SizeBytes, result.Width, result.Height, result.FramesPerSecond, gaps);
        await uploader.UploadAsync(clip.Id, output.VideoKey, video, "video/mp4", cancellationToken);
        await uploader.UploadAsync(clip.Id, output.PreviewKey, preview, "image/jpeg", cancellationToken);
        if (output.SpriteKey is { } spriteKey) await uploader.UploadAsync(clip.Id, spriteKey, sprite, "image/jpeg", cancellationToken);
        return output;
    }

    /// <summary>The scrub strip is a nicety: a clip whose strip ffmpeg cannot make is still a clip, shown with its still.</summary>
    private async Task<bool> TryMakeSpriteAsync(Guid clipId, string video, string sprite, CancellationToken cancellationToken)
    {
        try
        {
            await cutter.MakeSpriteAsync(video, sprite, ClipRules.SpriteFrames, ClipRules.SpriteFrameWidth, cancellationToken);
            return true;
        }
        catch (FfmpegException ex)
        {
            LogNoSprite(logger, clipId, ex.Message);
            return false;
        }
    }

    [LoggerMessage(LogLevel.Warning, "Clip {ClipId} has no scrub strip; ffmpeg could not make it: {Reason}")]
    private static partial void LogNoSprite(ILogger logger, Guid clipId, string reason);

    private async Task<(CutResult Result, List<BufferSpan> Gaps)> CutFromBufferAsync(Clip clip, Guid token, string video, IProgress<double> progress, CancellationToken cancellationToken)
    {
        var duration = TimeSpan.FromMilliseconds(clip.DurationMs);
        // The hold is named by the claim, so a takeover's hold and a lost claim's release never meet.
        await using var held = await buffer.ReserveAsync(clip.CameraId, token, clip.Timestamp, clip.Timestamp + duration, cancellationToken);
        var mode = clip.Mode == ClipMode.Fast ? CutMode.Fast : CutMode.Exact;
        // Across a gap the video plays what was recorded either side of it, one after the other.
        var result = await cutter.CutAsync(new CutRequest(held.Files, held.StartOffset, held.Recorded(duration), mode, video), progress, cancellationToken);
        return (result, [.. held.Gaps]);
    }

    private async Task FinishAsync(Clip clip, Guid token, ClipOutput output)
    {
        var (completed, replaced) = await CompleteAsync(clip, token, output);
        if (completed)
        {
            LogReady(logger, clip.Id, output.DurationMs, output.SizeBytes);
            await PublishAsync(ClipEvents.Ready(clip, Now));
            if (replaced is not null) await media.RetireAsync(replaced, clip.Id);
            return;
        }
        // Deleted (or taken over) while uploading.
        await media.RemoveIfDeletedAsync(clip.Id);
        LogAbandoned(logger, clip.Id);
    }

    /// <summary>
    /// Marks the clip ready. Its cut is whole and uploaded, so a database away for a moment (a restart) must not cost it
    /// a second cut: the update is tried again, once a second, while the claim's lease still holds.
    /// </summary>
    private async Task<(bool Completed, OwnedClip? Replaced)> CompleteAsync(Clip clip, Guid token, ClipOutput output)
    {
        var until = Now + options.Value.Lease;
        while (true)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<DogMonitorDbContext>();
                return clip.ReplacesSource
                    ? await ClipReplacement.CompleteAsync(db, clip.Id, token, output, Now, CancellationToken.None)
                    : (await ClipClaims.CompleteAsync(db, clip.Id, token, output, Now, CancellationToken.None), null);
            }
            catch (Exception ex) when (DatabaseErrors.IsDatabaseFailure(ex) && Now + CompleteRetryPause < until)
            {
                LogCompleteRetry(logger, clip.Id, ex.Message);
                await Task.Delay(CompleteRetryPause, clock);
            }
        }
    }

    private static readonly TimeSpan CompleteRetryPause = TimeSpan.FromSeconds(1);

    [LoggerMessage(LogLevel.Warning, "Clip {ClipId} is cut and uploaded but could not be marked ready yet; trying again: {Reason}")]
    private static partial void LogCompleteRetry(ILogger logger, Guid clipId, string reason);

    private async Task FailAsync(Clip clip, Guid token, string error)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DogMonitorDbContext>();
        if (await ClipClaims.FailAsync(db, clip.Id, token, error, Now, CancellationToken.None))
        {
            LogFailed(logger, clip.Id, error);
            await PublishAsync(ClipEvents.Failed(clip, error, Now));
        }
    }

    /// <summary>Gives the clip back to the queue (or fails it, out of tries); true when it is queued again.</summary>
    private async Task<bool> ReleaseAsync(Clip clip, Guid token, string? reason)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<DogMonitorDbContext>();
            if (!await ClipClaims.ReleaseAsync(db, clip.Id, token, reason, Now, CancellationToken.None)) return false;
            // That was its last try: it fails now, rather than wait in the queue for a try that will not come.
            if (reason is not null && await ClipClaims.GiveUpAsync(db, clip.Id, options.Value, Now, CancellationToken.None) is { } given)
            {
                LogGaveUp(logger, clip.Id, given.Error);
                await PublishAsync(ClipEvents.GaveUp(given.Clip, given.Error, Now));
                return false;
            }
            await PublishAsync(ClipEvents.Requeued(new OwnedClip(clip.Id, clip.OwnerId, clip.CameraId), reason, Now));
            return true;
        }
        catch (Exception ex) when (DatabaseErrors.IsDatabaseFailure(ex))
        {
            LogReleaseFailed(logger, clip.Id, ex.Message); // the lease lapses and the sweeper requeues it
            return false;
        }
    }

    /// <summary>Asks for the clip's cut again; if the broker will not take it, the sweeper asks later.</summary>
    private async Task AskAgainAsync(Guid clipId)
    {
        try
        {
            await events.CutRequestedAsync(clipId, CancellationToken.None);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogAskAgainFailed(logger, clipId, ex.Message);
        }
    }

    [LoggerMessage(LogLevel.Information, "Clip {ClipId} was asked for while this worker stops; it stays queued for another")]
    private static partial void LogLeftForOthers(ILogger logger, Guid clipId);

    [LoggerMessage(LogLevel.Warning, "Could not ask for clip {ClipId}'s cut again; the sweeper will: {Reason}")]
    private static partial void LogAskAgainFailed(ILogger logger, Guid clipId, string reason);

    // Status events are news for open pages; the row is the truth, so a broker hiccup is logged, not fatal.
    private async Task PublishAsync(Domain.Messages.ClipStatusChanged change)
    {
        try
        {
            await events.StatusChangedAsync(change, CancellationToken.None);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogPublishFailed(logger, change.ClipId, change.Status, ex.Message);
        }
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private static void TryDeleteDirectory(string path)
    {
        try { if (Directory.Exists(path)) Directory.Delete(path, recursive: true); }
        catch (IOException) { }
    }

    [LoggerMessage(LogLevel.Information, "Clip {ClipId} ready: {DurationMs} ms, {SizeBytes} bytes")]
    private static partial void LogReady(ILogger logger, Guid clipId, int durationMs, long sizeBytes);

    [LoggerMessage(LogLevel.Warning, "Clip {ClipId} failed: {Error}")]
    private static partial void LogFailed(ILogger logger, Guid clipId, string error);

    [LoggerMessage(LogLevel.Error, "ffmpeg failed on clip {ClipId}; its last output: {Stderr}")]
    private static partial void LogFfmpegFailed(ILogger logger, Exception exception, Guid clipId, string stderr);

    [LoggerMessage(LogLevel.Information, "Clip {ClipId} was deleted or taken over during its cut; stopped and cleaned up")]
    private static partial void LogAbandoned(ILogger logger, Guid clipId);

    [LoggerMessage(LogLevel.Debug, "Clip {ClipId} not claimed: already taken, done or deleted")]
    private static partial void LogNotClaimed(ILogger logger, Guid clipId);

    [LoggerMessage(LogLevel.Warning, "Clip {ClipId} failed, out of attempts: {Error}")]
    private static partial void LogGaveUp(ILogger logger, Guid clipId, string error);

    [LoggerMessage(LogLevel.Warning, "Clip {ClipId} goes back to the queue: {Reason}")]
    private static partial void LogRetryLater(ILogger logger, Guid clipId, string reason);

    [LoggerMessage(LogLevel.Error, "Cutting clip {ClipId} failed unexpectedly")]
    private static partial void LogUnexpected(ILogger logger, Exception exception, Guid clipId);

    [LoggerMessage(LogLevel.Warning, "Could not publish that clip {ClipId} is {Status}: {Reason}")]
    private static partial void LogPublishFailed(ILogger logger, Guid clipId, ClipStatus status, string reason);

    [LoggerMessage(LogLevel.Warning, "Could not give clip {ClipId} back to the queue: {Reason}")]
    private static partial void LogReleaseFailed(ILogger logger, Guid clipId, string reason);
}
