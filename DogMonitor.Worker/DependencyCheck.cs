using DogMonitor.Domain.Problems;
using DogMonitor.Domain.Storage;

namespace DogMonitor.Worker;

/// <summary>
/// Says at start whether the worker can reach the media store it will upload to; the database is
/// checked (and migrated) by <see cref="DogMonitor.Domain.Persistence.DatabaseMigrator"/> before this runs.
/// </summary>
public sealed partial class DependencyCheck(IMediaStore store, ILogger<DependencyCheck> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await store.CheckAsync(cancellationToken);
            LogReady(logger, store.Description);
        }
        catch (DependencyUnavailableException ex)
        {
            LogStoreUnavailable(logger, ex.Message);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(LogLevel.Information, "Worker ready; media store {Store}")]
    private static partial void LogReady(ILogger logger, string store);

    [LoggerMessage(LogLevel.Warning, "Worker started but the media store is unavailable: {Reason}")]
    private static partial void LogStoreUnavailable(ILogger logger, string reason);
}
