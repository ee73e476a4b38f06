using System.Net.Sockets;
using System.Runtime.InteropServices;
using DogMonitor.Domain.Activity;

namespace DogMonitor.Worker.Recording;

/// <summary>
/// The detectors' end of one recording run: two Unix sockets ffmpeg writes the grey frames and the sound into (see
/// <see cref="RecorderArguments"/>), read as they come and judged by the camera's <see cref="CameraActivity"/>. Each
/// observation is dated by its arrival, a fraction of a second after the camera sent it, which the moment's pre-roll
/// more than covers. It never holds ffmpeg up: reading goes on whatever the detectors make of a frame, since a full
/// socket would stop the recording too.
/// </summary>
internal sealed partial class ActivityTap : IAsyncDisposable
{
    private readonly string _directory;
    private readonly Socket? _frames;
    private readonly Socket? _sound;
    private readonly CameraActivity _activity;
    private readonly Action<ActivityPeriod> _ended;
    private readonly TimeProvider _clock;
    private readonly ILogger _logger;
    private readonly string _cameraId;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _readers = [];

    private ActivityTap(string cameraId, CameraActivity activity, bool sound, Action<ActivityPeriod> ended, TimeProvider clock, ILogger logger)
    {
        (_cameraId, _activity, _ended, _clock, _logger) = (cameraId, activity, ended, clock, logger);
        // Short, private and unique: a socket's path may not exceed 107 bytes.
        _directory = Directory.CreateTempSubdirectory("dogmonitor-activity-").FullName;
        try
        {
            if (activity.WatchesMotion) _frames = Listen(Path.Combine(_directory, "frames"));
            if (sound) _sound = Listen(Path.Combine(_directory, "sound"));
        }
        catch
        {
            _frames?.Dispose();
            DeleteDirectory();
            throw;
        }
        Outputs = new ActivityOutputs(_frames is null ? null : Url(_frames), _sound is null ? null : Url(_sound), activity.PictureWidth, activity.PictureHeight);
    }

    /// <summary>What to add to ffmpeg's command line.</summary>
    public ActivityOutputs Outputs { get; }

    /// <summary>
    /// Listens for a run of the camera's ffmpeg; null when there is nothing to judge (detection off, or neither the
    /// picture size nor any sound known).
    /// </summary>
    /// <param name="ended">Called with each period of activity that ends, on the reading thread: it must not wait.</param>
    public static ActivityTap? Open(string cameraId, ActivityOptions options, (int Width, int Height)? picture, bool sound,
        Action<ActivityPeriod> ended, TimeProvider clock, ILogger logger)
    {
        if (!options.Enabled || picture is null && !sound) return null;
        return new ActivityTap(cameraId, new CameraActivity(options, picture), sound, ended, clock, logger);
    }

    /// <inheritdoc cref="CameraActivity.IgnoreZones"/>
    public void IgnoreZones(IReadOnlyList<string> zones) => _activity.IgnoreZones(zones);

    /// <summary>Starts reading; ffmpeg connects once it has opened the camera.</summary>
    public void Start()
    {
        if (_frames is not null) _readers.Add(Task.Run(() => ReadAsync(_frames, _activity.FrameBytes, Frame)));
        if (_sound is not null) _readers.Add(Task.Run(() => ReadAsync(_sound, ActivityFeed.SamplesPerWindow * sizeof(short), Sound)));
    }

    private DateTime Now => _clock.GetUtcNow().UtcDateTime;

    private void Frame(ReadOnlySpan<byte> grey) => Report(_activity.Frame(Now, grey));

    private void Sound(ReadOnlySpan<byte> pcm) => Report(_activity.Sound(Now, MemoryMarshal.Cast<byte, short>(pcm)));

    private void Report(ActivityPeriod? period)
    {
        if (period is null) return;
        LogPeriod(_logger, _cameraId, period.Kinds, period.Start, period.End);
        _ended(period);
    }

    /// <summary>Reads whole chunks of <paramref name="size"/> bytes until ffmpeg closes its end or the run ends.</summary>
    private async Task ReadAsync(Socket listener, int size, SpanAction judge)
    {
        var token = _stop.Token;
        try
        {
            using var connection = await listener.AcceptAsync(token);
            var chunk = new byte[size];
            var judging = true;
            while (true)
            {
                var filled = 0;
                while (filled < size)
                {
                    var read = await connection.ReceiveAsync(chunk.AsMemory(filled), SocketFlags.None, token);
                    if (read == 0) return;
                    filled += read;
                }
                if (!judging) continue;
                try
                {
                    judge(chunk);
                }
                catch (Exception ex) when (ex is not OutOfMemoryException)
                {
                    // Recording matters more: the feed is drained on, unjudged, until the run ends.
                    judging = false;
                    LogDetectorFailed(_logger, ex, _cameraId);
                }
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
        }
        catch (SocketException ex)
        {
            LogFeedLost(_logger, _cameraId, ex.Message);
        }
    }

    private delegate void SpanAction(ReadOnlySpan<byte> chunk);

    private static Socket Listen(string path)
    {
        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        socket.Bind(new UnixDomainSocketEndPoint(path));
        socket.Listen(1);
        return socket;
    }

    private static string Url(Socket socket) => "unix:" + ((UnixDomainSocketEndPoint)socket.LocalEndPoint!).ToString();

    /// <summary>Ends the run's reading; a period still open ends here (the recording stopped).</summary>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _frames?.Dispose();
        _sound?.Dispose();
        await Task.WhenAll(_readers);
        Report(_activity.Flush(Now));
        _stop.Dispose();
        DeleteDirectory();
    }

    private void DeleteDirectory()
    {
        try { Directory.Delete(_directory, recursive: true); }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { }
    }

    [LoggerMessage(LogLevel.Information, "Camera {CameraId}: {Kinds} from {Start:O} to {End:O}")]
    private static partial void LogPeriod(ILogger logger, string cameraId, ActivityKinds kinds, DateTime start, DateTime end);

    [LoggerMessage(LogLevel.Error, "Camera {CameraId}: activity detection failed; it is off until the recording restarts")]
    private static partial void LogDetectorFailed(ILogger logger, Exception exception, string cameraId);

    [LoggerMessage(LogLevel.Warning, "Camera {CameraId}: the activity feed from ffmpeg was lost ({Reason}); detection resumes with the next run")]
    private static partial void LogFeedLost(ILogger logger, string cameraId, string reason);
}
