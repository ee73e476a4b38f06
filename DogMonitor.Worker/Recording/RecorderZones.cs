using DogMonitor.Domain.Activity;
using DogMonitor.Domain.Persistence;

namespace DogMonitor.Worker.Recording;

/// <summary>
/// The zones to ignore the recorders use, as saved on the cameras page (<see cref="ZoneSettings"/>) or configured: read
/// at each run and at each housekeeping round, so a change reaches a running detector within seconds.
/// </summary>
internal sealed partial class RecorderZones(IServiceScopeFactory scopes, ILogger<RecorderZones> logger)
{
    /// <returns>The zones; null when they cannot be read now (the database is away): the recorder keeps what it has.</returns>
    public async Task<IReadOnlyList<string>?> ReadAsync(string cameraId, CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<ZoneSettings>().ForRecorderAsync(cameraId, cancellationToken);
        }
        catch (Exception ex) when (DatabaseErrors.IsDatabaseFailure(ex) || ex is InvalidOperationException)
        {
            LogNotRead(logger, cameraId, ex.Message);
            return null;
        }
    }

    [LoggerMessage(LogLevel.Debug, "Camera {CameraId}: its zones to ignore could not be read now ({Reason}); the detector keeps the ones it has")]
    private static partial void LogNotRead(ILogger logger, string cameraId, string reason);
}
