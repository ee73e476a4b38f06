using System.Threading.Channels;
using DogMonitor.Domain.Activity;

namespace DogMonitor.Worker.Recording;

/// <summary>
/// Periods of activity the cameras' detectors ended, on their way to the database (<see cref="MomentWriter"/>): the
/// detectors hand them over here without waiting, so a slow or absent database never holds up a recording.
/// </summary>
internal sealed partial class ActivityPeriods(ILogger<ActivityPeriods> logger)
{
    /// <summary>Periods waiting while the database is away; past this, the oldest go (and the log says so).</summary>
    public const int Capacity = 1000;

    private readonly Channel<(string CameraId, ActivityPeriod Period)> _waiting = Channel.CreateBounded<(string, ActivityPeriod)>(
        new BoundedChannelOptions(Capacity) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });

    public void Post(string cameraId, ActivityPeriod period)
    {
        if (_waiting.Reader.Count >= Capacity) LogDropping(logger, Capacity);
        _waiting.Writer.TryWrite((cameraId, period));
    }

    public ChannelReader<(string CameraId, ActivityPeriod Period)> Reader => _waiting.Reader;

    [LoggerMessage(LogLevel.Warning, "{Capacity} moments are waiting for the database; the oldest is dropped")]
    private static partial void LogDropping(ILogger logger, int capacity);
}
