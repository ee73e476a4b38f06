using DogMonitor.Domain.Moments;
using Microsoft.Extensions.Options;

namespace DogMonitor.Worker.Clips;

/// <summary>
/// Runs <see cref="MomentRetention"/> every <see cref="MomentOptions.SweepInterval"/>, first at start. Every cutting
/// worker runs one; two at once are harmless (a clip already gone is passed over).
/// </summary>
public sealed partial class MomentRetentionSweeper(IServiceScopeFactory scopes, IOptions<MomentOptions> options, TimeProvider clock, ILogger<MomentRetentionSweeper> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.SweepInterval, clock);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<MomentRetention>().RunAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(logger, ex.Message); // the store or the database is away: the next round tries again
            }
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(LogLevel.Warning, "Removing old moments failed: {Reason}")]
    private static partial void LogFailed(ILogger logger, string reason);
}
