using DogMonitor.Domain.Recording;
using DogMonitor.Tests.Infrastructure;
using Microsoft.Extensions.Options;
using static DogMonitor.Tests.Domain.Recording.SamplePlaylists;

namespace DogMonitor.Tests.Domain.Recording;

public sealed class CameraStateFilesTests : IDisposable
{
    private static readonly DateTime Now = Utc("2026-11-24T10:00:00Z");
    private readonly TempBuffer _folder = new();
    private readonly ManualClock _clock = new(new DateTimeOffset(Now));

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task WrittenState_ReadsBack()
    {
        var files = Files();
        var state = new CameraState("yard", true, Now.AddMinutes(-30), Now.AddSeconds(-1), "ffmpeg exited with code 1: boom", Now.AddMinutes(-5), 2, Now);

        await files.WriteAsync(state, TestContext.Current.CancellationToken);

        Assert.Equal(state, await files.ReadAsync("yard", TestContext.Current.CancellationToken));
        Assert.Equal([], Directory.GetFiles(_folder.Layout.CameraDirectory("yard"), "*.tmp")); // replaced by rename, nothing left over
    }

    [Fact]
    public async Task AnOldState_IsNotOnline_BecauseItsRecorderStoppedWriting()
    {
        var files = Files();
        await files.WriteAsync(new CameraState("yard", true, Now, Now, null, null, 0, Now), TestContext.Current.CancellationToken);

        _clock.Now = new DateTimeOffset(Now.AddSeconds(12)); // past 3 segments + 5 s

        Assert.False((await files.ReadAsync("yard", TestContext.Current.CancellationToken))!.Online);
    }

    [Fact]
    public async Task NoState_IsNull()
    {
        Assert.Null(await Files().ReadAsync("yard", TestContext.Current.CancellationToken));
        Assert.Null(await Files().ReadAsync("../../etc", TestContext.Current.CancellationToken));
    }

    private CameraStateFiles Files() => new(_folder.Layout, Options.Create(new RecordingOptions { SegmentSeconds = 2 }), _clock);
}
