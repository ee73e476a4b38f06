using System.Globalization;
using System.Text;
using DogMonitor.Domain.Cameras;
using DogMonitor.Domain.Recording;
using DogMonitor.Worker.Ffmpeg;

namespace DogMonitor.Worker.Recording;

/// <summary>
/// Supervises one camera: runs ffmpeg, copies each finished segment from ffmpeg's live playlist into the
/// camera's buffer playlist, applies retention, keeps <c>state.json</c>, and restarts ffmpeg with backoff
/// when it exits or stalls.
/// </summary>
internal sealed partial class CameraRecorder(
    Camera camera, RecorderTools tools, BufferLayout layout, RecordingOptions options, CameraStateFiles states, ActivityPeriods periods, RecorderZones zones, TimeProvider clock,
    ILogger<CameraRecorder> logger)
{
    /// <summary>How often the live playlist is read. A file watcher is unreliable for files replaced by rename.</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(500);

    private static readonly TimeSpan HousekeepingInterval = TimeSpan.FromSeconds(10);

    // ffprobe's own socket timeout is 10 s; a camera that answers the connection but never sends is stopped here.
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(20);

    private readonly RestartBackoff _backoff = new();
    private readonly TimeSpan _stallLimit = RecordingTimings.OnlineWindow(options);
    private readonly RecorderStatus _status = new(camera, RecordingTimings.OnlineWindow(options), clock);
    private RecorderProcess? _process;
    private DateTime? _lastImmediateRestart;

    public Camera Camera => camera;

    /// <summary>The running ffmpeg's process id, or null between runs (for tests that kill it).</summary>
    internal int? CurrentProcessId => Volatile.Read(ref _process)?.Id;

    internal int Restarts => _status.Restarts;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>Records until <paramref name="cancellationToken"/> is cancelled; never fails for the camera's sake.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var janitor = new BufferJanitor(layout, camera.Id, options, clock, logger);
        BufferIndex? buffer = null;
        for (var run = 0; !cancellationToken.IsCancellationRequested; run++)
        {
            var healthyFor = TimeSpan.Zero;
            try
            {
                if (run > 0) _status.Restarted();
                buffer ??= await OpenBufferAsync(janitor, cancellationToken);
                (healthyFor, var pictureChanged) = await RecordOnceAsync(buffer, janitor, cancellationToken);
                await WriteStateAsync(buffer, cancellationToken);
                var delay = _backoff.Next(healthyFor, _status.NeedsPerson);
                // A new picture size starts the next run at once, but not over and over (a camera switching back and forth).
                if (pictureChanged && (_lastImmediateRestart is not { } last || Now - last >= RestartBackoff.HealthyReset))
                {
                    _lastImmediateRestart = Now;
                    delay = TimeSpan.Zero;
                }
                LogRestarting(logger, camera.Id, _status.LastError, delay);
                await Task.Delay(delay, clock, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                // A missing ffmpeg, a full disk or a broken folder must not end the app: say it in the state, try again later.
                _status.Failed(DiskFull(janitor) ?? (ex is InvalidOperationException ? ex.Message : $"The recorder failed: {ex.Message}"));
                var delay = _backoff.Next(healthyFor);
                LogUnexpected(logger, ex, camera.Id, delay);
                try
                {
                    if (buffer is not null) await TryWriteStateAsync(buffer, cancellationToken);
                    await Task.Delay(delay, clock, cancellationToken);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        }

        if (buffer is not null) await WriteFinalStateAsync(buffer);
    }

    private async Task<BufferIndex> OpenBufferAsync(BufferJanitor janitor, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(layout.CameraDirectory(camera.Id));
        var path = layout.BufferPlaylist(camera.Id);
        BufferIndex buffer;
        try
        {
            buffer = await BufferIndex.LoadAsync(path, cancellationToken);
        }
        catch (FormatException ex)
        {
            // Recording matters more than an unreadable index; the old one is kept aside for a person to look at.
            var aside = $"{path}.unreadable-{Now:yyyyMMddTHHmmss}";
            File.Move(path, aside);
            LogUnreadableBuffer(logger, camera.Id, aside, ex.Message);
            buffer = await BufferIndex.LoadAsync(path, cancellationToken);
        }

        await janitor.TidyAsync(buffer, cancellationToken);
        return buffer;
    }

    /// <summary>One ffmpeg run, until it exits or stalls.</summary>
    /// <returns>How long the run recorded without trouble, and whether it ended because the camera changed its picture.</returns>
    private async Task<(TimeSpan HealthyFor, bool PictureChanged)> RecordOnceAsync(BufferIndex buffer, BufferJanitor janitor, CancellationToken cancellationToken)
    {
        await janitor.TidyAsync(buffer, cancellationToken); // room on the disk first, after a run that filled it
        if (!await ProbeAsync(cancellationToken)) return (TimeSpan.Zero, false);
        await WriteStateAsync(buffer, cancellationToken); // what the camera sends, and the restart, are known before any segment
        // Names unique across restarts (ffmpeg numbers segments from 0 each run); milliseconds, because restarts can be quick.
        var prefix = $"seg-{Now.ToString("yyyyMMdd'T'HHmmssfff", CultureInfo.InvariantCulture)}-";
        var epoch = Now;
        await using var activity = OpenActivityTap();
        var ignored = activity is null ? null : await UseZonesAsync(activity, camera.Activity.IgnoreZones, cancellationToken);
        var arguments = RecorderArguments.Build(camera.Source, _status.Stream, options.SegmentSeconds, layout.CameraDirectory(camera.Id), prefix, OverlayFont.Path, epoch,
            new SyntheticScene(options.SyntheticActivityEvery), activity?.Outputs);
        LogCommandLine(logger, camera.Id, camera.Source.Redact(RecorderArguments.ToCommandLine(arguments)));

        // The synthetic camera's frames are dated by the recorder (its clock is drawn from this epoch); a camera's from their arrival.
        var dating = camera.Source is SyntheticCameraSource ? new RunClock(epoch, TimeSpan.FromSeconds(options.SegmentSeconds)) : (IRunDating)new ArrivalClock(ReorderDelay(_status.Stream));
        // A camera can change its picture on the same connection; the synthetic one is drawn here and cannot.
        var watch = dating is ArrivalClock && _status.Stream is { Width: > 0, Height: > 0 } stream ? new PictureWatch(tools, stream.Width, stream.Height) : null;
        using var process = RecorderProcess.Start(tools.Ffmpeg, arguments, dating is ArrivalClock arrival ? written => arrival.Observe(Now, written) : null);
        Volatile.Write(ref _process, process);
        activity?.Start();
        LogStarted(logger, camera.Id, process.Id);
        buffer.BeginRun(prefix, dating);
        var lastProgress = Now;
        DateTime? firstSegmentAt = null;
        var pictureChanged = false;
        var nextHousekeeping = Now + HousekeepingInterval;
        try
        {
            while (true)
            {
                await Task.Delay(PollInterval, clock, cancellationToken);
                if (await StillFullAsync(janitor, buffer, cancellationToken) is { } full)
                {
                    // What ffmpeg writes now is cut short: the segments it lists while the disk is full are not taken
                    // (the buffer has a gap there), and recording starts again once there is room. Until then it is not
                    // recording, and its state says so at once.
                    _status.Failed(full);
                    _status.Stopped();
                    break;
                }
                // Checked before reading, so segments ffmpeg finished just before exiting are still taken.
                var exited = process.HasExited;
                var added = await CollectAsync(buffer, dating as ArrivalClock, cancellationToken);
                if (added.Count > 0)
                {
                    lastProgress = Now;
                    firstSegmentAt ??= lastProgress;
                    if (watch is not null && await PictureChangedAsync(watch, added, cancellationToken) is { } sentence)
                    {
                        _status.Failed(sentence);
                        pictureChanged = true;
                        break;
                    }
                }

                if (exited)
                {
                    await process.StopAsync(); // also waits for the last stderr lines
                    var explained = CameraFailure.Explain(process.Stderr.Text());
                    if (explained is not null) LogFfmpegSaid(logger, camera.Id, camera.Source.Redact(process.ExitDescription));
                    _status.Failed(DiskFull(janitor) ?? explained?.Sentence ?? process.ExitDescription, explained?.NeedsPerson ?? false);
                    break;
                }
                if (Now - lastProgress > _stallLimit)
                {
                    _status.Failed(DiskFull(janitor) ?? $"No new segment for {_stallLimit.TotalSeconds:0} s, so ffmpeg was restarted. {process.Stderr.Text()}");
                    break;
                }
                if (Now >= nextHousekeeping)
                {
                    await janitor.TidyAsync(buffer, cancellationToken, sweep: false);
                    await WriteStateAsync(buffer, cancellationToken);
                    if (activity is not null) ignored = await UseZonesAsync(activity, ignored!, cancellationToken);
                    nextHousekeeping = Now + HousekeepingInterval;
                }
            }
        }
        finally
        {
            Volatile.Write(ref _process, null);
            await process.StopAsync();
        }
        return (firstSegmentAt is null ? TimeSpan.Zero : lastProgress - firstSegmentAt.Value, pictureChanged);
    }

    /// <summary>Gives the detector the zones saved for the camera when they differ from <paramref name="current"/>.</summary>
    /// <returns>The zones it now ignores.</returns>
    private async Task<IReadOnlyList<string>> UseZonesAsync(ActivityTap activity, IReadOnlyList<string> current, CancellationToken cancellationToken)
    {
        if (await zones.ReadAsync(camera.Id, cancellationToken) is not { } read || read.SequenceEqual(current)) return current;
        try
        {
            activity.IgnoreZones(read);
            LogZones(logger, camera.Id, read.Count);
            return read;
        }
        catch (FormatException ex)
        {
            LogZonesRefused(logger, camera.Id, ex.Message); // saved through the checks, so only a hand-edited row
            return current;
        }
    }

    /// <summary>The detectors for this run: they see what the camera sends (as probed), and hand each ended period on.</summary>
    private ActivityTap? OpenActivityTap()
    {
        if (!options.DetectActivity) return null;
        (int, int)? picture = _status.Stream is { Width: > 0, Height: > 0 } stream ? (stream.Width, stream.Height) : null;
        var sound = _status.Stream?.AudioCodec is not null;
        try
        {
            return ActivityTap.Open(camera.Id, camera.Activity, picture, sound, period => periods.Post(camera.Id, period), clock, logger);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Net.Sockets.SocketException or ArgumentException)
        {
            // Detection is extra: the camera records without it this run (a full or read-only temporary folder, say).
            LogDetectionOff(logger, camera.Id, ex.Message);
            return null;
        }
    }

    /// <summary>
    /// Whether the camera changed its picture size in one of <paramref name="added"/>. The segment showing it stays in
    /// the run (its frames decode by their own parameter sets); the next run gets an init that declares the new size.
    /// </summary>
    /// <returns>What to tell a person when it did; null when it did not.</returns>
    private async Task<string?> PictureChangedAsync(PictureWatch watch, IReadOnlyList<RecordedSegment> added, CancellationToken cancellationToken)
    {
        foreach (var segment in added)
        {
            try
            {
                if (await watch.CheckAsync(FileOf(segment), cancellationToken) is not { } size) continue;
                var was = _status.Stream!;
                LogPictureChanged(logger, camera.Id, was.Width, was.Height, size.Width, size.Height);
                return $"The camera changed its picture from {was.Width}×{was.Height} to {size.Width}×{size.Height}, so recording started again at the new size.";
            }
            catch (Exception ex) when (ex is FfmpegException or IOException or UnauthorizedAccessException)
            {
                LogPictureUnknown(logger, camera.Id, segment.FileName, ex.Message); // recording goes on as it is
            }
        }
        return null;
    }

    private SegmentFile FileOf(RecordedSegment segment) =>
        new(layout.Segment(camera.Id, segment.FileName), segment.InitFileName is { } init ? layout.Segment(camera.Id, init) : null);

    /// <summary>Asks the camera what it sends (<see cref="CameraProbe"/>), which decides how it is recorded.</summary>
    /// <returns>False when the camera could not be asked; the reason is in the state then.</returns>
    private async Task<bool> ProbeAsync(CancellationToken cancellationToken)
    {
        if (CameraProbe.Arguments(camera.Source) is not { } arguments)
        {
            _status.Connected(CameraProbe.Known(camera.Source));
            return true;
        }

        try
        {
            var probe = new FfmpegCommand("ffprobe", tools.Ffprobe, arguments) { Redact = camera.Source.Redact };
            var (json, _) = await tools.Runner.CaptureAsync(probe, ProbeTimeout, cancellationToken);
            _status.Connected(CameraProbe.Parse(Encoding.UTF8.GetString(json), camera.Source));
            return true;
        }
        catch (FfmpegException ex)
        {
            var explained = CameraFailure.Explain(ex.StderrTail) ?? CameraFailure.Explain(ex.Message);
            var sentence = explained?.Sentence ?? ex.InnerException switch
            {
                System.ComponentModel.Win32Exception => "ffprobe, which DogMonitor needs to read cameras, is not installed: apt-get install -y ffmpeg (or set Ffmpeg:FfprobePath).",
                TimeoutException => $"The camera took the connection but sent no picture within {ProbeTimeout.TotalSeconds:0} s. DogMonitor keeps trying.",
                _ => $"The camera's stream could not be read ({ex.Message}). DogMonitor keeps trying.",
            };
            LogProbeFailed(logger, camera.Id, camera.Source.Redact(ex.Message));
            _status.Failed(sentence, explained?.NeedsPerson ?? ex.InnerException is System.ComponentModel.Win32Exception);
            return false;
        }
        catch (FormatException ex)
        {
            _status.Failed($"The camera's stream cannot be recorded: {ex.Message}", needsPerson: true);
            return false;
        }
    }

    /// <summary>Appends the live playlist's new segments to the buffer.</summary>
    /// <returns>The segments added; none when there were none.</returns>
    private async Task<IReadOnlyList<RecordedSegment>> CollectAsync(BufferIndex buffer, ArrivalClock? arrival, CancellationToken cancellationToken)
    {
        IReadOnlyList<RecordedSegment> live;
        try
        {
            live = HlsPlaylist.Parse(await File.ReadAllTextAsync(layout.LivePlaylist(camera.Id), cancellationToken));
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException or FormatException)
        {
            // Not written yet, or left empty by a killed ffmpeg: the next poll will see.
            return [];
        }

        if (arrival is { FirstFrame: null }) await FindFirstFrameAsync(arrival, buffer.RunPrefix!, live, cancellationToken);
        var added = buffer.AppendNew(live);
        if (added.Count == 0) return added;
        await buffer.SaveAsync(cancellationToken);
        _status.SegmentArrived();
        await WriteStateAsync(buffer, cancellationToken);
        return added;
    }

    /// <summary>
    /// Whether the buffer's disk is full even after retention has made what room it can (another program took the space):
    /// the sentence that says so, or null.
    /// </summary>
    private async Task<string?> StillFullAsync(BufferJanitor janitor, BufferIndex buffer, CancellationToken cancellationToken)
    {
        if (DiskFull(janitor) is null) return null;
        await janitor.ApplyRetentionAsync(buffer, cancellationToken);
        return DiskFull(janitor);
    }

    /// <summary>The sentence for a full disk when the buffer's disk is full (<see cref="CameraFailure.DiskFullBelow"/>); null otherwise.</summary>
    private string? DiskFull(BufferJanitor janitor) =>
        janitor.FreeBytes() < CameraFailure.DiskFullBelow ? CameraFailure.DiskFull(layout.CameraDirectory(camera.Id)).Sentence : null;

    private static TimeSpan ReorderDelay(CameraStream? stream) =>
        stream is { BFrames: > 0 and var frames, FramesPerSecond: > 0 and var rate } ? TimeSpan.FromSeconds(frames / rate) : TimeSpan.Zero;

    /// <summary>Measures where the run's first segment starts (see <see cref="ArrivalClock.FirstFrame"/>), once it is there.</summary>
    private async Task FindFirstFrameAsync(ArrivalClock arrival, string runPrefix, IReadOnlyList<RecordedSegment> live, CancellationToken cancellationToken)
    {
        var first = live.FirstOrDefault(s => Path.GetFileName(s.FileName) == runPrefix + "000000.m4s");
        if (first?.InitFileName is null) return;
        var url = ConcatList.Url(FileOf(first));
        try
        {
            var (text, _) = await tools.Runner.CaptureAsync(new FfmpegCommand("ffprobe", tools.Ffprobe, ProbeArguments.FirstFrame(url)), ProbeTimeout, cancellationToken);
            arrival.FirstFrame = double.TryParse(Encoding.UTF8.GetString(text).Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0
                ? TimeSpan.FromSeconds(seconds)
                : TimeSpan.Zero;
        }
        catch (FfmpegException ex)
        {
            arrival.FirstFrame = TimeSpan.Zero; // dated from time 0: early by however long the camera took to send a key frame
            LogFirstFrameUnknown(logger, camera.Id, ex.Message);
        }
    }

    private Task WriteStateAsync(BufferIndex buffer, CancellationToken cancellationToken) => states.WriteAsync(_status.Snapshot(buffer), cancellationToken);

    private async Task WriteFinalStateAsync(BufferIndex buffer)
    {
        _status.Stopped();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await TryWriteStateAsync(buffer, timeout.Token);
    }

    private async Task TryWriteStateAsync(BufferIndex buffer, CancellationToken cancellationToken)
    {
        try
        {
            await WriteStateAsync(buffer, cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or OperationCanceledException)
        {
            LogStateNotWritten(logger, camera.Id, ex.Message);
        }
    }

    [LoggerMessage(LogLevel.Warning, "Camera {CameraId}: activity detection could not listen for this run, which records without it: {Reason}")]
    private static partial void LogDetectionOff(ILogger logger, string cameraId, string reason);

    [LoggerMessage(LogLevel.Debug, "Camera {CameraId}: {CommandLine}")]
    private static partial void LogCommandLine(ILogger logger, string cameraId, string commandLine);

    [LoggerMessage(LogLevel.Information, "Camera {CameraId}: recording with ffmpeg (pid {ProcessId})")]
    private static partial void LogStarted(ILogger logger, string cameraId, int processId);

    [LoggerMessage(LogLevel.Information, "Camera {CameraId}: {FfmpegSaid}")]
    private static partial void LogFfmpegSaid(ILogger logger, string cameraId, string ffmpegSaid);

    [LoggerMessage(LogLevel.Warning, "Camera {CameraId}: {Reason} Restarting in {Delay}")]
    private static partial void LogRestarting(ILogger logger, string cameraId, string? reason, TimeSpan delay);

    [LoggerMessage(LogLevel.Error, "Camera {CameraId}: the recorder failed; trying again in {Delay}")]
    private static partial void LogUnexpected(ILogger logger, Exception exception, string cameraId, TimeSpan delay);

    [LoggerMessage(LogLevel.Error, "Camera {CameraId}: the buffer playlist could not be read ({Reason}); it was moved to {Path} and recording starts a new one")]
    private static partial void LogUnreadableBuffer(ILogger logger, string cameraId, string path, string reason);

    [LoggerMessage(LogLevel.Information, "Camera {CameraId}: ffprobe could not read it: {FfprobeSaid}")]
    private static partial void LogProbeFailed(ILogger logger, string cameraId, string ffprobeSaid);

    [LoggerMessage(LogLevel.Warning, "Camera {CameraId}: where its recording's first frame lies could not be read ({Reason}); the run is dated from its start")]
    private static partial void LogFirstFrameUnknown(ILogger logger, string cameraId, string reason);

    [LoggerMessage(LogLevel.Information, "Camera {CameraId}: the picture changed from {OldWidth}x{OldHeight} to {NewWidth}x{NewHeight}; recording starts a new run")]
    private static partial void LogPictureChanged(ILogger logger, string cameraId, int oldWidth, int oldHeight, int newWidth, int newHeight);

    [LoggerMessage(LogLevel.Warning, "Camera {CameraId}: the picture size of {Segment} could not be read ({Reason}); recording goes on")]
    private static partial void LogPictureUnknown(ILogger logger, string cameraId, string segment, string reason);

    [LoggerMessage(LogLevel.Warning, "Camera {CameraId}: its state could not be written: {Reason}")]
    private static partial void LogStateNotWritten(ILogger logger, string cameraId, string reason);

    [LoggerMessage(LogLevel.Information, "Camera {CameraId}: the motion detector now ignores the zones saved for it ({Count})")]
    private static partial void LogZones(ILogger logger, string cameraId, int count);

    [LoggerMessage(LogLevel.Warning, "Camera {CameraId}: the saved zones to ignore are not polygons ({Reason}); the detector keeps the ones it has")]
    private static partial void LogZonesRefused(ILogger logger, string cameraId, string reason);
}
