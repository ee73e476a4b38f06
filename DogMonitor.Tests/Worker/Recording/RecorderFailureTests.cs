using System.Diagnostics;
using DogMonitor.Domain.Recording;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace DogMonitor.Tests.Worker.Recording;

/// <summary>Recorders whose ffmpeg misbehaves, with stand-ins for ffmpeg so nothing is encoded.</summary>
public sealed class RecorderFailureTests : IDisposable
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "dogmonitor-recorder-failure-" + Guid.NewGuid().ToString("N"));

    public RecorderFailureTests() => Directory.CreateDirectory(_data);

    public void Dispose() => Directory.Delete(_data, recursive: true);

    [Fact]
    public async Task AStalledFfmpeg_IsKilledAndRestarted()
    {
        // Runs and never writes a segment, as ffmpeg does when a camera stops sending without closing the connection.
        var stuck = Path.Combine(_data, "stuck-ffmpeg.sh");
        await File.WriteAllTextAsync(stuck, "#!/bin/sh\nexec sleep 300\n", TestContext.Current.CancellationToken);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(stuck, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        using var host = Start(stuck, segmentSeconds: 1); // stalled after 3 × 1 s + 5 s without a segment
        var recorder = host.Recorder();
        await WaitUntilAsync(() => recorder.CurrentProcessId is not null, TimeSpan.FromSeconds(5));
        var first = recorder.CurrentProcessId!.Value;

        await WaitUntilAsync(() => recorder.Restarts >= 1 && recorder.CurrentProcessId is { } pid && pid != first, TimeSpan.FromSeconds(15));

        var state = await ReadStateAsync(host);
        Assert.StartsWith("No new segment for 8 s, so ffmpeg was restarted.", state.LastError, StringComparison.Ordinal);
        Assert.False(state.Online);
        Assert.True(HasExited(first), "The stalled process was left running.");
        await host.StopAsync(TestContext.Current.CancellationToken);
        Assert.True(HasExited(recorder.CurrentProcessId ?? first));
    }

    [Fact]
    public async Task AMissingFfmpeg_IsInTheStateAsASentence()
    {
        using var host = Start("/nonexistent/ffmpeg", segmentSeconds: 2);

        // The state is written once before ffmpeg is started (what the camera sends), then again with the failure.
        await WaitUntilAsync(() => File.Exists(host.Services.GetRequiredService<BufferLayout>().StateFile("cam"))
            && ReadStateAsync(host).GetAwaiter().GetResult().LastError is not null, TimeSpan.FromSeconds(5));

        var state = await ReadStateAsync(host);
        Assert.Contains("ffmpeg ('/nonexistent/ffmpeg') could not be started", state.LastError, StringComparison.Ordinal);
        Assert.Contains("apt-get install -y ffmpeg", state.LastError, StringComparison.Ordinal);
        Assert.False(state.Online);
        await host.StopAsync(TestContext.Current.CancellationToken);
    }

    private IHost Start(string ffmpeg, int segmentSeconds)
    {
        var host = RecorderHosts.Build(_data, new()
        {
            ["Ffmpeg:FfmpegPath"] = ffmpeg,
            ["Recording:SegmentSeconds"] = segmentSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Cameras:0:Id"] = "cam",
            ["Cameras:0:Source"] = "synthetic:320x240@25",
        });
        host.Start();
        return host;
    }

    private static async Task<CameraState> ReadStateAsync(IHost host) =>
        await host.Services.GetRequiredService<ICameraStateReader>().ReadAsync("cam", TestContext.Current.CancellationToken)
        ?? throw new InvalidOperationException("The recorder wrote no state.json.");

    private static bool HasExited(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return process.HasExited;
        }
        catch (ArgumentException)
        {
            return true; // no such process any more
        }
    }

    private static async Task WaitUntilAsync(Func<bool> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"Gave up waiting after {timeout.TotalSeconds:0} s.");
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
    }
}
