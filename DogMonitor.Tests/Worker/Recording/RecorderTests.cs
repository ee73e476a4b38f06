using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using DogMonitor.Domain.Recording;

namespace DogMonitor.Tests.Worker.Recording;

/// <summary>Against a real ffmpeg recording a synthetic camera (see <see cref="RecorderFixture"/>).</summary>
public sealed class RecorderTests(RecorderFixture recording) : IClassFixture<RecorderFixture>
{
    private const string Camera = RecorderFixture.CameraId;

    [Fact]
    public void TheBuffer_GetsTwoSecondSegments_AtWallClockTimes()
    {
        var recorded = recording.Recorded();

        Assert.True(recorded.Count >= 5, $"Only {recorded.Count} segments were recorded.");
        Assert.All(recorded, s => Assert.InRange(s.Duration.TotalSeconds, 1.9, 2.1));
        Assert.All(recorded.Zip(recorded.Skip(1)), pair => Assert.True(pair.Second.Start > pair.First.Start, $"{pair.Second.FileName} does not start after {pair.First.FileName}."));
        Assert.InRange(recorded[0].Start, recording.StartedAt.AddSeconds(-1), recording.StartedAt.AddSeconds(5));
        Assert.InRange(recorded[^1].End, DateTime.UtcNow.AddSeconds(-6), DateTime.UtcNow.AddSeconds(1));
    }

    [Fact]
    public void AnExistingBuffer_IsKept_TheFirstNewSegmentFollowsADiscontinuity_AndOrphansGo()
    {
        var listed = recording.Listed();

        Assert.Equal(recording.Inherited, listed.Take(2));
        Assert.True(recording.Recorded()[0].DiscontinuityBefore);
        Assert.False(File.Exists(recording.InheritedOrphan));
    }

    [Fact]
    public async Task TheState_SaysOnline_WithWhatTheBufferHolds()
    {
        var state = await recording.States.ReadAsync(Camera, TestContext.Current.CancellationToken);

        Assert.NotNull(state);
        Assert.True(state.Online, $"The state says offline: {state}");
        Assert.Equal(recording.Inherited[0].Start, state.BufferFirst);
        Assert.InRange(state.BufferLast!.Value, DateTime.UtcNow.AddSeconds(-8), DateTime.UtcNow.AddSeconds(1));
        Assert.InRange(state.UpdatedAt, DateTime.UtcNow.AddSeconds(-8), DateTime.UtcNow.AddSeconds(1));
    }

    [Fact]
    public async Task Reserve_InsideTheBuffer_GivesLinkedFiles_ThatOutliveTheirNamesInTheBuffer()
    {
        var recorded = recording.Recorded();
        var clipId = Guid.NewGuid();

        await using var reservation = await recording.Buffer.ReserveAsync(
            Camera, clipId, recorded[0].Start.AddSeconds(0.5), recorded[1].End.AddSeconds(-0.5), TestContext.Current.CancellationToken);

        Assert.Equal(recorded.Take(2), reservation.Segments);
        Assert.Equal(TimeSpan.FromSeconds(0.5), reservation.StartOffset);
        var sizes = reservation.Segments.Select(s => new FileInfo(recording.Layout.Segment(Camera, s.FileName)).Length).ToList();
        foreach (var segment in reservation.Segments) File.Delete(recording.Layout.Segment(Camera, segment.FileName));
        Assert.Equal(sizes, reservation.Files.Select(f => new FileInfo(f.Path).Length));
        // Fragmented MP4: each segment starts with its 'moof' box (after a 'styp'), and all share the run's initialisation segment.
        Assert.All(reservation.Files, f => Assert.Equal("styp", System.Text.Encoding.ASCII.GetString(File.ReadAllBytes(f.Path), 4, 4)));
        var init = Assert.Single(reservation.Files.Select(f => f.InitPath).Distinct());
        Assert.Equal("ftyp", System.Text.Encoding.ASCII.GetString(File.ReadAllBytes(init!), 4, 4));
    }

    [Fact]
    public async Task Reserve_AnHourAgo_SaysWhatTheBufferHoldsAndWhatWasAsked()
    {
        var start = DateTime.UtcNow.AddHours(-1);

        var error = await Assert.ThrowsAsync<RangeNotCoveredException>(() =>
            recording.Buffer.ReserveAsync(Camera, Guid.NewGuid(), start, start.AddSeconds(5), TestContext.Current.CancellationToken));

        var held = recording.Inherited[0].Start.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);
        var asked = new BufferSpan(start, start.AddSeconds(5));
        Assert.Matches($"^The buffer of camera 'yard' holds {Regex.Escape(held)} to [0-9T:.-]+Z; {Regex.Escape(asked.ToString())} was asked for\\.$", error.Message);
    }

    [Fact]
    public async Task Reserve_EndingThreeSecondsFromNow_WaitsForTheRecording()
    {
        var now = DateTime.UtcNow;
        var watch = Stopwatch.StartNew();

        await using var reservation = await recording.Buffer.ReserveAsync(Camera, Guid.NewGuid(), now.AddSeconds(1), now.AddSeconds(3), TestContext.Current.CancellationToken);

        Assert.True(watch.Elapsed > TimeSpan.FromSeconds(2.5), $"It answered after {watch.Elapsed.TotalSeconds:0.0} s, before the range was recorded.");
        Assert.True(reservation.Segments[0].Start <= now.AddSeconds(1) && reservation.Segments[^1].End >= now.AddSeconds(3));
        Assert.All(reservation.Files, f => Assert.True(File.Exists(f.Path) && File.Exists(f.InitPath)));
    }

    [Fact]
    public async Task KillingFfmpeg_RestartsIt_AfterADiscontinuity()
    {
        await recording.WaitUntilAsync(() => recording.Recorder.CurrentProcessId is not null, TimeSpan.FromSeconds(10), "ffmpeg runs");
        var pid = recording.Recorder.CurrentProcessId!.Value;
        var restarts = (await recording.States.ReadAsync(Camera, TestContext.Current.CancellationToken))!.Restarts;
        var discontinuities = recording.Listed().Count(s => s.DiscontinuityBefore);

        using (var ffmpeg = Process.GetProcessById(pid)) ffmpeg.Kill();

        await recording.WaitUntilAsync(() => recording.Listed().Count(s => s.DiscontinuityBefore) > discontinuities, TimeSpan.FromSeconds(20), "a segment from a restarted ffmpeg");
        // The state file is written on its own beat; on a loaded machine it can trail the playlist a little.
        var state = await recording.States.ReadAsync(Camera, TestContext.Current.CancellationToken);
        for (var waited = 0; state!.Restarts <= restarts && waited < 50; waited++)
        {
            await Task.Delay(200, TestContext.Current.CancellationToken);
            state = await recording.States.ReadAsync(Camera, TestContext.Current.CancellationToken);
        }
        Assert.True(state!.Restarts > restarts, $"Restarts stayed at {state.Restarts}.");
        Assert.StartsWith("ffmpeg exited with code 137 (killed by signal 9)", state.LastError, StringComparison.Ordinal);
        Assert.NotEqual(pid, recording.Recorder.CurrentProcessId);
        Assert.True(state.Online);
    }
}
