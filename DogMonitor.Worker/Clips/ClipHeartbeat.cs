using DogMonitor.Domain.Clips;
using DogMonitor.Domain.Messages;
using DogMonitor.Domain.Persistence;
using MassTransit;

namespace DogMonitor.Worker.Clips;

/// <summary>
/// While a clip is cut: renews its lease, stores and publishes progress, and cancels the cut the
/// moment the row is no longer this worker's (deleted, or requeued after a stall).
/// </summary>
internal sealed class ClipHeartbeat(
    IServiceScopeFactory scopes, IPublishEndpoint publisher, Clip clip, Guid token, ClipOptions options, TimeProvider clock, CancellationTokenSource cut)
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
                        Lost = true;
                        await cut.CancelAsync();
                        return;
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // The database or the broker is away: keep cutting and keep trying; if the database stays away
                    // the lease lapses and the sweeper requeues.
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
            try { await publisher.Publish(new ClipStatusChanged(clip.Id, clip.OwnerId, ClipStatus.Processing, progress, null, clock.GetUtcNow().UtcDateTime), _stop.Token); }
            catch (Exception ex) when (ex is not OperationCanceledException) { }
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
}
