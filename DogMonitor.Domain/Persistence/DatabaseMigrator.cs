using DogMonitor.Domain.Problems;
using DogMonitor.Domain.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DogMonitor.Domain.Persistence;

/// <summary>
/// Applies the checked-in migrations before the app serves anything, waiting a while for a
/// database that is still starting (compose starts everything at once); then makes rows from before search
/// searchable (<see cref="SearchBackfill"/>).
/// </summary>
public sealed partial class DatabaseMigrator(IServiceProvider services, IOptions<DatabaseOptions> options, TimeProvider clock, ILogger<DatabaseMigrator> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var deadline = clock.GetUtcNow() + options.Value.StartupTimeout;
        for (var attempt = 1; ; attempt++)
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<DogMonitorDbContext>();
            try
            {
                await db.Database.MigrateAsync(cancellationToken);
                LogMigrated(logger, options.Value.Provider);
                if (await SearchBackfill.RunAsync(db, cancellationToken) is > 0 and var filled)
                    LogBackfilled(logger, filled);
                return;
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested && clock.GetUtcNow() < deadline && DatabaseErrors.IsConnectionFailure(ex))
            {
                LogWaiting(logger, options.Value.Provider, attempt, ex.Message);
                await Task.Delay(TimeSpan.FromSeconds(Math.Min(attempt, 5)), clock, cancellationToken);
            }
            catch (Exception ex) when (DatabaseErrors.IsConnectionFailure(ex))
            {
                throw new DependencyUnavailableException(DependencyUnavailableException.Database,
                    $"The {options.Value.Provider} database could not be reached within {options.Value.StartupTimeout.TotalSeconds:0} s: {ex.Message}. Start it, or fix Database:ConnectionString.", ex);
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(LogLevel.Information, "Database ({Provider}) is up to date")]
    private static partial void LogMigrated(ILogger logger, DatabaseProvider provider);

    [LoggerMessage(LogLevel.Information, "Made {Count} snapshots and clips stored before search searchable")]
    private static partial void LogBackfilled(ILogger logger, int count);

    [LoggerMessage(LogLevel.Warning, "Waiting for the {Provider} database (attempt {Attempt}): {Reason}")]
    private static partial void LogWaiting(ILogger logger, DatabaseProvider provider, int attempt, string reason);
}
