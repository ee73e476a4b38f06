using DogMonitor.Domain.Clips;
using DogMonitor.Domain.Persistence;

namespace DogMonitor.Worker.Clips;

/// <summary>
/// While a clip is cut: renews its lease, stores and publishes progress, and cancels the cut the
/// moment the row is no longer this worker's (deleted, or requeued after a stall).
/// </summary>
internal sealed partial class ClipHeartbeat(
    IServiceScopeFactory scopes, IClipEvents events, Clip clip, Guid token, ClipOptions options, TimeProvider clock, CancellationTokenSource cut, ILogger logger)
{
    private readonly CancellationTokenSource _stop = new();
    private int _published;

    /// <summary>0–100, set by the cut as it goes.</summary>
    public volatile int Progress;

    /// <summary>True once the row stopped being ours; the cut was cancelled for that reason.</summary>
    public bool Lost { get; private set; }

    public async Task RunAsync()
    {
        using var timer = new PeriodicTimer(options.Heartbeat, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token))
            {
                try
                {
                    if (!await BeatAsync())
                    {
                        LogLeaseLost(logger, clip.Id);
                        Lost = true;
                        await cut.CancelAsync();
                        return;
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // The database is away: keep cutting and keep trying; if it stays away the lease lapses and the
                    // sweeper requeues.
                    LogBeatFailed(logger, clip.Id, ex.Message);
                }
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
        }
    }

    private async Task<bool> BeatAsync()
    {
        var progress = Progress;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DogMonitorDbContext>();
        if (!await ClipClaims.RenewAsync(db, clip.Id, token, progress, clock.GetUtcNow().UtcDateTime, options, _stop.Token))
            return false;
        if (progress != _published)
        {
            _published = progress;
            // Progress is news, not truth (the row has it): a broker hiccup must not stop the beats.
            try { await events.StatusChangedAsync(ClipEvents.Processing(clip, progress, clock.GetUtcNow().UtcDateTime), _stop.Token); }
            catch (Exception ex) when (ex is not OperationCanceledException) { LogProgressNotPublished(logger, clip.Id, progress, ex.Message); }
        }
        return true;
    }

    /// <summary>Stops beating and waits for the last beat; safe to call more than once.</summary>
    public async Task StopAsync(Task running)
    {
        if (!_stop.IsCancellationRequested) await _stop.CancelAsync();
        try { await running; }
        catch (Exception ex) when (ex is not OutOfMemoryException) { } // a beat's fault must not mask the cut's outcome
    }

    [LoggerMessage(LogLevel.Warning, "Clip {ClipId}: its lease is lost (the clip was deleted, or taken over by another worker after a stall); this cut stops")]
    private static partial void LogLeaseLost(ILogger logger, Guid clipId);

    [LoggerMessage(LogLevel.Warning, "Clip {ClipId}: its lease could not be renewed ({Reason}); the cut goes on, and the clip goes back to the queue if the lease lapses")]
    private static partial void LogBeatFailed(ILogger logger, Guid clipId, string reason);

    [LoggerMessage(LogLevel.Warning, "Clip {ClipId}: its progress ({Progress} %) could not be published ({Reason})")]
    private static partial void LogProgressNotPublished(ILogger logger, Guid clipId, int progress, string reason);
}
