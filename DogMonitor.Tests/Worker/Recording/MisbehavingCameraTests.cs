using System.Diagnostics;
using DogMonitor.Domain.Recording;
using DogMonitor.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace DogMonitor.Tests.Worker.Recording;

/// <summary>
/// Real RTSP cameras (GStreamer's server on loopback) that cannot be recorded as configured: the state says why in a
/// person's words, and a failure only a person can mend is not retried in a tight loop. A camera that drops and comes
/// back leaves a gap that clips across it name and skip.
/// </summary>
public sealed class MisbehavingCameraTests : IAsyncDisposable
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "dogmonitor-misbehaving-" + Guid.NewGuid().ToString("N"));
    private RtspTestServer? _camera;

    [Theory]
    [InlineData("cam:wrong-password", "/cam", "The camera refused the user name or password.")]
    [InlineData("cam:secret", "/no-such-stream", "The camera has no stream at that path.")]
    public async Task ACameraThatRefusesIsExplainedAndRetriedSlowly(string credentials, string path, string explanation)
    {
        await FfmpegRequirement.EnsureInstalledAsync();
        _camera = await RtspTestServer.StartAsync(auth: "cam:secret");
        using var host = Start(_camera.Url(path, credentials));
        var states = host.Services.GetRequiredService<ICameraStateReader>();
        var started = Stopwatch.StartNew();

        CameraState? state = null;
        while (state?.LastError is null && started.Elapsed < TimeSpan.FromSeconds(20))
        {
            await Task.Delay(200, TestContext.Current.CancellationToken);
            state = await states.ReadAsync("door", TestContext.Current.CancellationToken);
        }
        await Task.Delay(TimeSpan.FromSeconds(8), TestContext.Current.CancellationToken); // a tight loop would restart every 1–4 s
        state = await states.ReadAsync("door", TestContext.Current.CancellationToken);

        Assert.NotNull(state);
        Assert.StartsWith(explanation, state.LastError, StringComparison.Ordinal);
        Assert.DoesNotContain("ffmpeg", state.LastError, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("wrong-password", state.LastError, StringComparison.Ordinal);
        Assert.False(state.Online);
        Assert.Equal(0, state.Restarts); // the next try is 30 s away
        await host.StopAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task TheRightPasswordRecords()
    {
        await FfmpegRequirement.EnsureInstalledAsync();
        _camera = await RtspTestServer.StartAsync(auth: "cam:secret");
        using var host = Start(_camera.Url("/cam", "cam:secret"));
        var buffer = host.Services.GetRequiredService<IRecordingBuffer>();
        var started = Stopwatch.StartNew();

        while (await buffer.GetSpanAsync("door", TestContext.Current.CancellationToken) is not { } span || span.Last - span.First < TimeSpan.FromSeconds(4))
        {
            Assert.True(started.Elapsed < TimeSpan.FromSeconds(30), "The camera with the right password recorded nothing in 30 s.");
            await Task.Delay(250, TestContext.Current.CancellationToken);
        }
        var state = await host.Services.GetRequiredService<ICameraStateReader>().ReadAsync("door", TestContext.Current.CancellationToken);
        Assert.True(state!.Online);
        await host.StopAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task ACameraThatDropsIsExplainedAndRecordedAgainWhenItComesBack()
    {
        await FfmpegRequirement.EnsureInstalledAsync();
        _camera = await RtspTestServer.StartAsync();
        var port = _camera.Port;
        using var host = Start(_camera.Url());
        var buffer = host.Services.GetRequiredService<IRecordingBuffer>();
        var states = host.Services.GetRequiredService<ICameraStateReader>();
        await Waiting.UntilAsync(async () => await buffer.GetSpanAsync("door", TestContext.Current.CancellationToken) is { } span && span.Last - span.First >= TimeSpan.FromSeconds(4),
            TimeSpan.FromSeconds(30), "the camera to record 4 s");
        var before = (await buffer.GetSpanAsync("door", TestContext.Current.CancellationToken))!.Value.Last;

        await _camera.DisposeAsync(); // the camera loses power
        _camera = null;
        await Waiting.UntilAsync(async () => (await states.ReadAsync("door", TestContext.Current.CancellationToken))?.LastError?.StartsWith("Nothing answers at 127.0.0.1:", StringComparison.Ordinal) == true,
            TimeSpan.FromSeconds(30), "the state to say nothing answers", async () => (await states.ReadAsync("door", TestContext.Current.CancellationToken))?.LastError);
        _camera = await RtspTestServer.StartAsync(port: port); // and comes back on its old address

        await Waiting.UntilAsync(async () => await buffer.GetSpanAsync("door", TestContext.Current.CancellationToken) is { } span && span.Last > before.AddSeconds(4),
            TimeSpan.FromSeconds(45), "recording to resume");
        var state = await states.ReadAsync("door", TestContext.Current.CancellationToken);
        Assert.True(state!.Online);
        Assert.True(state.Restarts >= 1);

        // A clip across the time the camera was off: the recorded parts either side, one after the other, and the gap named.
        var resumed = (await buffer.GetSpanAsync("door", TestContext.Current.CancellationToken))!.Value.Last;
        var (start, end) = (before.AddSeconds(-2), resumed.AddSeconds(-1));
        await using (var held = await buffer.ReserveAsync("door", Guid.NewGuid(), start, end, TestContext.Current.CancellationToken))
        {
            var gap = Assert.Single(held.Gaps);
            Assert.InRange(gap.First, before.AddSeconds(-0.5), before.AddSeconds(2.5)); // the last segment may have landed after 'before' was read
            Assert.True(gap.Last - gap.First > TimeSpan.FromSeconds(2), $"The gap {gap} is no longer than a segment.");
            Assert.Contains(held.Segments.Skip(1), s => s.DiscontinuityBefore);
            var output = Path.Combine(_data, "across-the-gap.mp4");
            var cut = await Ffmpeg.CutterHost.Cutter().CutAsync(
                new DogMonitor.Worker.Ffmpeg.CutRequest(held.Files, held.StartOffset, held.Recorded(end - start), DogMonitor.Worker.Ffmpeg.CutMode.Exact, output), null, TestContext.Current.CancellationToken);
            Assert.Equal((end - start - (gap.Last - gap.First)).TotalSeconds, cut.Duration.TotalSeconds, 0.081); // to two frames at 25 fps
        }
        await host.StopAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task ACameraThatHangsWithoutClosingIsRestartedWithinSeconds()
    {
        await FfmpegRequirement.EnsureInstalledAsync();
        _camera = await RtspTestServer.StartAsync();
        using var host = Start(_camera.Url());
        var buffer = host.Services.GetRequiredService<IRecordingBuffer>();
        var states = host.Services.GetRequiredService<ICameraStateReader>();
        await Waiting.UntilAsync(async () => await buffer.GetSpanAsync("door", TestContext.Current.CancellationToken) is { } span && span.Last - span.First >= TimeSpan.FromSeconds(4),
            TimeSpan.FromSeconds(30), "the camera to record 4 s");

        _camera.Freeze(); // the connection stays open; nothing more arrives
        var frozenAt = Stopwatch.StartNew();
        await Waiting.UntilAsync(async () => (await states.ReadAsync("door", TestContext.Current.CancellationToken))?.LastError?.StartsWith("No new segment for", StringComparison.Ordinal) == true,
            TimeSpan.FromSeconds(25), "the stall to be noticed", async () => (await states.ReadAsync("door", TestContext.Current.CancellationToken))?.LastError);
        var noticedAfter = frozenAt.Elapsed;
        var last = (await buffer.GetSpanAsync("door", TestContext.Current.CancellationToken))!.Value.Last;
        _camera.Thaw();

        await Waiting.UntilAsync(async () => await buffer.GetSpanAsync("door", TestContext.Current.CancellationToken) is { } span && span.Last > last.AddSeconds(4),
            TimeSpan.FromSeconds(45), "recording to resume");
        Assert.True(noticedAfter > TimeSpan.FromSeconds(5), $"A stall was declared after {noticedAfter.TotalSeconds:0.0} s, before 3 segments could be missed.");
        Assert.True((await states.ReadAsync("door", TestContext.Current.CancellationToken))!.Restarts >= 1);
        await host.StopAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task ACameraThatChangesItsPictureStartsANewRunAndClipsEitherSidePlay()
    {
        await FfmpegRequirement.EnsureInstalledAsync();
        const string Launch = "( videotestsrc is-live=true pattern=ball ! capsfilter name=size caps=video/x-raw,width=640,height=360,framerate=25/1 "
            + "! x264enc tune=zerolatency speed-preset=ultrafast key-int-max=50 ! rtph264pay name=pay0 pt=96 )";
        _camera = await RtspTestServer.StartAsync(launch: Launch, switchSize: "10:320x240"); // its owner picks a smaller picture in its settings
        using var host = Start(_camera.Url());
        var buffer = host.Services.GetRequiredService<IRecordingBuffer>();
        var states = host.Services.GetRequiredService<ICameraStateReader>();
        Task<CameraState?> State() => states.ReadAsync("door", TestContext.Current.CancellationToken);

        await Waiting.UntilAsync(async () => (await State())?.LastError?.StartsWith("The camera changed its picture", StringComparison.Ordinal) == true,
            TimeSpan.FromSeconds(40), "the change of picture to be noticed", async () => $"{(await State())?.LastError} / camera: {_camera.Output}");
        var changed = await State();
        Assert.Equal("The camera changed its picture from 640×360 to 320×240, so recording started again at the new size.", changed!.LastError);
        var changedAt = changed.LastErrorAt!.Value;
        await Waiting.UntilAsync(async () => (await State())?.Stream?.Width == 320 && await buffer.GetSpanAsync("door", TestContext.Current.CancellationToken) is { } span && span.Last > changedAt.AddSeconds(6),
            TimeSpan.FromSeconds(30), "recording at the new size", async () => $"{(await State())?.Stream} {(await State())?.LastError}");
        Assert.Equal(1, (await State())!.Restarts); // once, at once, and not again

        var span = (await buffer.GetSpanAsync("door", TestContext.Current.CancellationToken))!.Value;
        foreach (var (start, size) in new[] { (span.First.AddSeconds(0.5), "640x360"), (span.Last.AddSeconds(-3), "320x240") })
        {
            await using var held = await buffer.ReserveAsync("door", Guid.NewGuid(), start, start.AddSeconds(2), TestContext.Current.CancellationToken);
            // Each run's init declares the parameter sets its segments carry, so a copy of them says the right size.
            foreach (var file in held.Files)
            {
                var track = DogMonitor.Worker.Recording.ParameterSets.ReadInit(await File.ReadAllBytesAsync(file.InitPath!, TestContext.Current.CancellationToken))!;
                var inBand = DogMonitor.Worker.Recording.ParameterSets.FirstPictureSps(await File.ReadAllBytesAsync(file.Path, TestContext.Current.CancellationToken), track)!;
                Assert.All(inBand, sps => Assert.True(track.Declares(sps), $"{Path.GetFileName(file.Path)} ({size}) carries an SPS its init does not declare."));
            }
            foreach (var mode in new[] { DogMonitor.Worker.Ffmpeg.CutMode.Exact, DogMonitor.Worker.Ffmpeg.CutMode.Fast })
            {
                var output = Path.Combine(_data, $"{size}-{mode}.mp4");
                await Ffmpeg.CutterHost.Cutter().CutAsync(
                    new DogMonitor.Worker.Ffmpeg.CutRequest(held.Files, held.StartOffset, held.Recorded(TimeSpan.FromSeconds(2)), mode, output), null, TestContext.Current.CancellationToken);
                var video = (await Ffmpeg.FfmpegTool.ProbeAsync(output)).GetProperty("streams").EnumerateArray().Single(s => s.GetProperty("codec_type").GetString() == "video");
                Assert.Equal(size, $"{video.GetProperty("width").GetInt32()}x{video.GetProperty("height").GetInt32()}");
                Assert.Equal("", await Ffmpeg.FfmpegTool.DecodeErrorsAsync(output));
            }
        }
        await host.StopAsync(TestContext.Current.CancellationToken);
    }

    private IHost Start(string source)
    {
        var host = RecorderHosts.Build(_data, new()
        {
            ["Recording:SegmentSeconds"] = "2",
            ["Cameras:0:Id"] = "door",
            ["Cameras:0:Source"] = source,
        });
        host.Start();
        return host;
    }

    public async ValueTask DisposeAsync()
    {
        if (_camera is not null) await _camera.DisposeAsync();
        try { Directory.Delete(_data, recursive: true); } catch (IOException) { }
    }
}
