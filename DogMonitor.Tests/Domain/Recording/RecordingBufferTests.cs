using DogMonitor.Domain.Recording;
using DogMonitor.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using static DogMonitor.Tests.Domain.Recording.SamplePlaylists;

namespace DogMonitor.Tests.Domain.Recording;

public sealed class RecordingBufferTests : IDisposable
{
    private static readonly DateTime Start = Utc("2026-11-24T10:00:00Z");
    private readonly TempBuffer _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task GetSpan_IsNullWithoutABuffer_AndFirstToLastWithOne()
    {
        var buffer = Buffer(new ManualClock(new DateTimeOffset(Start)));
        Assert.Null(await buffer.GetSpanAsync("yard", TestContext.Current.CancellationToken));

        _folder.Record("yard", Start, 5);

        Assert.Equal(new BufferSpan(Start, Start.AddSeconds(10)), await buffer.GetSpanAsync("yard", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Reserve_LinksTheCoveringSegments_WhichOutliveTheBuffersNames_UntilReleased()
    {
        var segments = _folder.Record("yard", Start, 5);
        var buffer = Buffer(new ManualClock(new DateTimeOffset(Start.AddMinutes(1))));
        var clipId = Guid.NewGuid();

        var reservation = await buffer.ReserveAsync("yard", clipId, Start.AddSeconds(3), Start.AddSeconds(6.5), TestContext.Current.CancellationToken);

        Assert.Equal(segments.Skip(1).Take(3), reservation.Segments);
        Assert.Equal(TimeSpan.FromSeconds(1), reservation.StartOffset);
        var cut = _folder.Layout.CutDirectory("yard", clipId);
        Assert.Equal(reservation.Segments.Select(s => new SegmentFile(Path.Combine(cut, s.FileName))), reservation.Files);

        foreach (var segment in segments) File.Delete(_folder.Layout.Segment("yard", segment.FileName)); // as retention would
        Assert.All(reservation.Segments.Zip(reservation.Files), pair => Assert.Equal($"video of {pair.First.FileName}", File.ReadAllText(pair.Second.Path)));

        await reservation.DisposeAsync();
        await reservation.DisposeAsync();
        Assert.False(Directory.Exists(cut));
    }

    [Fact]
    public async Task Reserve_TheSameClipAgain_StartsFromACleanFolder()
    {
        _folder.Record("yard", Start, 5);
        var buffer = Buffer(new ManualClock(new DateTimeOffset(Start.AddMinutes(1))));
        var clipId = Guid.NewGuid();
        var cut = _folder.Layout.CutDirectory("yard", clipId);
        Directory.CreateDirectory(cut);
        File.WriteAllText(Path.Combine(cut, "left-over.ts"), "");

        await using var reservation = await buffer.ReserveAsync("yard", clipId, Start, Start.AddSeconds(1), TestContext.Current.CancellationToken);

        Assert.Equal(["seg-run1-000000.ts"], Directory.GetFiles(cut).Select(Path.GetFileName));
    }

    [Fact]
    public async Task Reserve_ARangeOlderThanTheBuffer_SaysWhatTheBufferHolds()
    {
        _folder.Record("yard", Start, 5);
        var buffer = Buffer(new ManualClock(new DateTimeOffset(Start.AddMinutes(1))));

        var error = await Assert.ThrowsAsync<RangeNotCoveredException>(() =>
            buffer.ReserveAsync("yard", Guid.NewGuid(), Start.AddHours(-1), Start.AddHours(-1).AddSeconds(5), TestContext.Current.CancellationToken));

        Assert.Equal(
            "The buffer of camera 'yard' holds 2026-11-24T10:00:00.000Z to 2026-11-24T10:00:10.000Z; 2026-11-24T09:00:00.000Z to 2026-11-24T09:00:05.000Z was asked for.",
            error.Message);
    }

    [Fact]
    public async Task Reserve_ARangeEndingAfterTheRecording_WaitsForIt()
    {
        var segments = _folder.Record("yard", Start, 5);
        var buffer = Buffer(new ManualClock(new DateTimeOffset(Start.AddSeconds(10))));
        var more = Task.Run(async () =>
        {
            await Task.Delay(700);
            _folder.Write("yard", [.. segments, new RecordedSegment("seg-run1-000005.ts", Start.AddSeconds(10), TimeSpan.FromSeconds(2))]);
        });

        await using var reservation = await buffer.ReserveAsync("yard", Guid.NewGuid(), Start.AddSeconds(9), Start.AddSeconds(11), TestContext.Current.CancellationToken);
        await more;

        Assert.Equal(["seg-run1-000004.ts", "seg-run1-000005.ts"], reservation.Segments.Select(s => s.FileName));
    }

    [Fact]
    public async Task Reserve_ARangeThatNeverGetsRecorded_GivesUpAfterTheGrace()
    {
        _folder.Record("yard", Start, 5);
        // Each read of this clock is 4 s later, so the grace (2 segments + 5 s) runs out after a few polls.
        var buffer = Buffer(new SteppingClock(new DateTimeOffset(Start.AddSeconds(10)), TimeSpan.FromSeconds(4)));

        var error = await Assert.ThrowsAsync<RangeNotCoveredException>(() =>
            buffer.ReserveAsync("yard", Guid.NewGuid(), Start.AddSeconds(8), Start.AddSeconds(12), TestContext.Current.CancellationToken));

        Assert.Equal(
            "The buffer of camera 'yard' holds 2026-11-24T10:00:00.000Z to 2026-11-24T10:00:10.000Z; 2026-11-24T10:00:08.000Z to 2026-11-24T10:00:12.000Z was asked for.",
            error.Message);
    }

    [Fact]
    public async Task Reserve_ARangeEndedLongAgo_DoesNotWait()
    {
        _folder.Record("yard", Start, 5);
        var buffer = Buffer(new ManualClock(new DateTimeOffset(Start.AddMinutes(10))));
        var watch = System.Diagnostics.Stopwatch.StartNew();

        await Assert.ThrowsAsync<RangeNotCoveredException>(() =>
            buffer.ReserveAsync("yard", Guid.NewGuid(), Start.AddSeconds(8), Start.AddSeconds(12), TestContext.Current.CancellationToken));

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(1), $"It waited {watch.Elapsed}.");
    }

    [Fact]
    public async Task Reserve_WhenASegmentIsGone_ReadsAgainOnce_ThenSaysSo()
    {
        var segments = _folder.Record("yard", Start, 5);
        File.Delete(_folder.Layout.Segment("yard", segments[2].FileName));
        var buffer = Buffer(new ManualClock(new DateTimeOffset(Start.AddMinutes(1))));
        var clipId = Guid.NewGuid();

        var error = await Assert.ThrowsAsync<RangeNotCoveredException>(() =>
            buffer.ReserveAsync("yard", clipId, Start.AddSeconds(3), Start.AddSeconds(6), TestContext.Current.CancellationToken));

        Assert.Equal(
            "The buffer of camera 'yard' lost part of 2026-11-24T10:00:03.000Z to 2026-11-24T10:00:06.000Z to retention while the clip was being prepared; ask for a more recent range.",
            error.Message);
        Assert.False(Directory.Exists(_folder.Layout.CutDirectory("yard", clipId)));
    }

    [Fact]
    public async Task Reserve_RefusesACameraIdThatIsNotOne()
    {
        var buffer = Buffer(TimeProvider.System);

        await Assert.ThrowsAsync<ArgumentException>(() => buffer.ReserveAsync("../yard", Guid.NewGuid(), Start, Start.AddSeconds(1), TestContext.Current.CancellationToken));
    }

    private RecordingBuffer Buffer(TimeProvider clock) =>
        new(_folder.Layout, Options.Create(new RecordingOptions { SegmentSeconds = 2 }), clock, NullLogger<RecordingBuffer>.Instance);
}
