using DogMonitor.Domain.Recording;
using DogMonitor.Worker.Recording;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace DogMonitor.Tests.Worker.Recording;

/// <summary>
/// One synthetic camera recorded for real (320x240, 25 fps, 2 s segments) into a temp folder, shared by the
/// recorder tests. Before it starts, the folder holds a buffer a previous run left (two segments a minute old)
/// and a segment file that run never listed, so picking up an existing buffer is tested too.
/// </summary>
public sealed class RecorderFixture : IAsyncLifetime
{
    public const string CameraId = "yard";

    private readonly string _data = Path.Combine(Path.GetTempPath(), "dogmonitor-recorder-" + Guid.NewGuid().ToString("N"));
    private IHost? _host;

    public BufferLayout Layout { get; private set; } = null!;
    public IRecordingBuffer Buffer { get; private set; } = null!;
    public ICameraStateReader States { get; private set; } = null!;
    internal CameraRecorder Recorder { get; private set; } = null!;

    /// <summary>When the host was started (UTC).</summary>
    public DateTime StartedAt { get; private set; }

    /// <summary>The segments the buffer held before the recorder started.</summary>
    public IReadOnlyList<RecordedSegment> Inherited { get; private set; } = [];

    public string InheritedOrphan { get; private set; } = "";

    public async ValueTask InitializeAsync()
    {
        await FfmpegRequirement.EnsureInstalledAsync();
        Layout = new BufferLayout(Path.Combine(_data, "buffer"));
        SeedPreviousRun();

        _host = RecorderHosts.Build(_data, new()
        {
            ["Recording:SegmentSeconds"] = "2",
            ["Recording:Retention"] = "00:30:00",
            ["Cameras:0:Id"] = CameraId,
            ["Cameras:0:Name"] = "Yard",
            ["Cameras:0:Source"] = "synthetic:320x240@25",
        });
        Buffer = _host.Services.GetRequiredService<IRecordingBuffer>();
        States = _host.Services.GetRequiredService<ICameraStateReader>();
        Recorder = _host.Recorder();
        Assert.Equal(Layout.Root, _host.Services.GetRequiredService<BufferLayout>().Root); // {DataDirectory}/buffer by default

        StartedAt = DateTime.UtcNow;
        await _host.StartAsync(TestContext.Current.CancellationToken);
        await WaitUntilAsync(() => Recorded().Count >= 5, TimeSpan.FromSeconds(30), "five segments were recorded");
    }

    public async ValueTask DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.StopAsync(CancellationToken.None);
            _host.Dispose();
        }
        try
        {
            Directory.Delete(_data, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
    }

    /// <summary>The buffer playlist as it is now.</summary>
    public IReadOnlyList<RecordedSegment> Listed()
    {
        var path = Layout.BufferPlaylist(CameraId);
        return File.Exists(path) ? HlsPlaylist.Parse(File.ReadAllText(path)) : [];
    }

    /// <summary>The segments this recorder added (the buffer minus what it inherited).</summary>
    public IReadOnlyList<RecordedSegment> Recorded() => Listed().Where(s => !Inherited.Contains(s)).ToList();

    public async Task WaitUntilAsync(Func<bool> condition, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                var state = await States.ReadAsync(CameraId, CancellationToken.None);
                Assert.Fail($"Waited {timeout.TotalSeconds:0} s for: {what}. The recorder's state: {state}.");
            }
            await Task.Delay(250, TestContext.Current.CancellationToken);
        }
    }

    private void SeedPreviousRun()
    {
        var start = DateTime.UtcNow.AddSeconds(-64);
        RecordedSegment[] previous =
        [
            new("seg-20000101T000000000-000000.ts", start, TimeSpan.FromSeconds(2)),
            new("seg-20000101T000000000-000001.ts", start.AddSeconds(2), TimeSpan.FromSeconds(2)),
        ];
        Directory.CreateDirectory(Layout.CameraDirectory(CameraId));
        foreach (var segment in previous) File.WriteAllText(Layout.Segment(CameraId, segment.FileName), "an older recording");
        File.WriteAllText(Layout.BufferPlaylist(CameraId), HlsPlaylist.Write(previous));
        // Read back, so the times are as precise as the playlist keeps them.
        Inherited = Listed();

        InheritedOrphan = Layout.Segment(CameraId, "seg-19990101T000000000-000003.ts");
        File.WriteAllText(InheritedOrphan, "left by a crash");
        File.SetLastWriteTimeUtc(InheritedOrphan, DateTime.UtcNow.AddHours(-1));
    }
}
