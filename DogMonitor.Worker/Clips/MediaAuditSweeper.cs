using DogMonitor.Domain.Integrity;
using Microsoft.Extensions.Options;

namespace DogMonitor.Worker.Clips;

/// <summary>
/// Runs the media audit with repair every <see cref="MediaAuditOptions.Interval"/>, first a minute after start. Every
/// cutting worker runs one; two audits at once are harmless (removals and conditional updates are idempotent).
/// </summary>
public sealed partial class MediaAuditSweeper(IServiceScopeFactory scopes, IOptions<MediaAuditOptions> options, TimeProvider clock, ILogger<MediaAuditSweeper> logger) : BackgroundService
{
    private static readonly TimeSpan FirstAfter = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Delay(FirstAfter < options.Value.Interval ? FirstAfter : options.Value.Interval, clock, stoppingToken);
        using var timer = new PeriodicTimer(options.Value.Interval, clock);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<MediaAudit>().RunAsync(repair: true, stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogAuditFailed(logger, ex.Message); // the store or the database is away: the next round tries again
            }
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(LogLevel.Warning, "Media audit failed: {Reason}")]
    private static partial void LogAuditFailed(ILogger logger, string reason);
}
