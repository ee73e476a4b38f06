using DogMonitor.Domain.Moments;
using DogMonitor.Domain.Persistence;

namespace DogMonitor.Worker.Recording;

/// <summary>
/// Keeps each ended period of activity as a moment with its clip (<see cref="MomentRecorder"/>). When the database is
/// away the period waits and is tried again, every few seconds, until it is kept.
/// </summary>
internal sealed partial class MomentWriter(ActivityPeriods periods, IServiceScopeFactory scopes, TimeProvider clock, ILogger<MomentWriter> logger) : BackgroundService
{
    private static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(5);

    /// <summary>How long a stopping process goes on keeping what its recorders ended as they stopped.</summary>
    private static readonly TimeSpan Drain = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var (cameraId, period) in periods.Reader.ReadAllAsync(stoppingToken))
                await KeepAsync(cameraId, period, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        // The recorders stop first (they were registered after this), ending their open periods: keep those too, briefly.
        using var drain = new CancellationTokenSource(Drain);
        try
        {
            while (periods.Reader.TryRead(out var waiting)) await KeepAsync(waiting.CameraId, waiting.Period, drain.Token);
        }
        catch (OperationCanceledException) when (drain.IsCancellationRequested)
        {
            LogNotDrained(logger, periods.Reader.Count + 1);
        }
    }

    private async Task KeepAsync(string cameraId, Domain.Activity.ActivityPeriod period, CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var moment = await scope.ServiceProvider.GetRequiredService<MomentRecorder>().RecordAsync(cameraId, period, cancellationToken);
                LogKept(logger, moment.Id, cameraId, moment.ClipId);
                return;
            }
            catch (Exception ex) when (DatabaseErrors.IsDatabaseFailure(ex) && !cancellationToken.IsCancellationRequested)
            {
                LogWaiting(logger, cameraId, ex.Message);
                await Task.Delay(RetryAfter, clock, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Not a passing failure: this one is lost (and said so), the next ones are still kept.
                LogLost(logger, ex, cameraId, period.Start, period.End);
                return;
            }
        }
    }

    [LoggerMessage(LogLevel.Warning, "Stopping: {Count} ended moments could not be kept in time")]
    private static partial void LogNotDrained(ILogger logger, int count);

    [LoggerMessage(LogLevel.Information, "Moment {MomentId} on camera {CameraId} kept; its clip {ClipId} is queued")]
    private static partial void LogKept(ILogger logger, Guid momentId, string cameraId, Guid clipId);

    [LoggerMessage(LogLevel.Error, "The moment on camera {CameraId} from {Start:O} to {End:O} could not be kept")]
    private static partial void LogLost(ILogger logger, Exception exception, string cameraId, DateTime start, DateTime end);

    [LoggerMessage(LogLevel.Warning, "A moment on camera {CameraId} waits for the database: {Reason}")]
    private static partial void LogWaiting(ILogger logger, string cameraId, string reason);
}
