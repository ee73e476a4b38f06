using DogMonitor.Domain.Clips;
using DogMonitor.Domain.Persistence;
using Microsoft.Extensions.Options;

namespace DogMonitor.Worker.Clips;

/// <summary>
/// Keeps jobs moving when a message or a worker is lost: a clip whose worker stopped renewing goes back
/// to the queue, and a clip queued for too long is published again. Every cutting worker runs one; the
/// conditional updates make concurrent sweeps harmless.
/// </summary>
public sealed partial class ClipLeaseSweeper(IServiceScopeFactory scopes, IOptions<ClipOptions> options, TimeProvider clock, ILogger<ClipLeaseSweeper> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromTicks(Math.Max(TimeSpan.FromSeconds(1).Ticks, options.Value.Lease.Ticks / 3));
        using var timer = new PeriodicTimer(interval, clock);
        do
        {
            try
            {
                await SweepAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogSweepFailed(logger, ex.Message);
            }
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public async Task SweepAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DogMonitorDbContext>();
        var events = scope.ServiceProvider.GetRequiredService<IClipEvents>();
        var now = clock.GetUtcNow().UtcDateTime;
        var requeued = await ClipClaims.RequeueLapsedAsync(db, now, cancellationToken);
        // Pages showing "Cutting n %" hear that the clip waits again; if the broker is away they hear on the next change.
        // A broker that does not answer in time is away: the rest wait for the next sweep rather than each wait in turn.
        var brokerAway = false;
        foreach (var clip in requeued.TakeWhile(_ => !brokerAway))
        {
            try { await events.StatusChangedAsync(ClipEvents.Requeued(clip, ClipRules.WorkerStopped, now), cancellationToken); }
            catch (Exception ex) when (ex is not OperationCanceledException) { LogNotPublished(logger, clip.Id, ex.Message); brokerAway = ex is TimeoutException; }
        }
        var stale = await ClipClaims.TouchStaleQueuedAsync(db, now, options.Value, cancellationToken);
        foreach (var id in requeued.Select(c => c.Id).Concat(stale).TakeWhile(_ => !brokerAway))
        {
            // One refused publish must not cost the others theirs; the row stays queued and is published again later.
            try { await events.CutRequestedAsync(id, cancellationToken); }
            catch (Exception ex) when (ex is not OperationCanceledException) { LogNotPublished(logger, id, ex.Message); brokerAway = ex is TimeoutException; }
        }
        if (requeued.Count > 0) LogRequeued(logger, requeued.Count);
        if (stale.Count > 0) LogRepublished(logger, stale.Count);
    }

    [LoggerMessage(LogLevel.Warning, "{Count} clip(s) whose worker stopped renewing went back to the queue")]
    private static partial void LogRequeued(ILogger logger, int count);

    [LoggerMessage(LogLevel.Information, "{Count} clip(s) queued for a while were published again")]
    private static partial void LogRepublished(ILogger logger, int count);

    [LoggerMessage(LogLevel.Warning, "Could not publish the news or the job of clip {ClipId}: {Reason}")]
    private static partial void LogNotPublished(ILogger logger, Guid clipId, string reason);

    [LoggerMessage(LogLevel.Warning, "Clip lease sweep failed: {Reason}")]
    private static partial void LogSweepFailed(ILogger logger, string reason);
}
