using DogMonitor.Domain.Recording;
using DogMonitor.Tests.Domain.Recording;
using DogMonitor.Worker.Recording;

namespace DogMonitor.Tests.Worker.Recording;

public sealed class BufferIndexTests : IDisposable
{
    private static readonly DateTime Start = new(2026, 11, 24, 10, 0, 0, DateTimeKind.Utc);
    private readonly TempBuffer _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task ANewRun_AppendsOnlyItsOwnNewSegments_TheFirstAfterADiscontinuity()
    {
        _folder.Record("yard", Start, 3, run: "old");
        var index = await BufferIndex.LoadAsync(_folder.Layout.BufferPlaylist("yard"), TestContext.Current.CancellationToken);
        index.BeginRun("seg-new-");
        RecordedSegment[] live =
        [
            new("seg-old-000002.ts", Start.AddSeconds(4), TimeSpan.FromSeconds(2)), // a live playlist the old ffmpeg left
            new("seg-new-000000.ts", Start.AddSeconds(6.5), TimeSpan.FromSeconds(2)),
            new("seg-new-000001.ts", Start.AddSeconds(8.5), TimeSpan.FromSeconds(2)),
        ];

        var added = index.AppendNew(live);
        var again = index.AppendNew([.. live, new("seg-new-000002.ts", Start.AddSeconds(10.5), TimeSpan.FromSeconds(2))]);

        Assert.Equal(["seg-new-000000.ts", "seg-new-000001.ts"], added.Select(s => s.FileName));
        Assert.Equal([true, false], added.Select(s => s.DiscontinuityBefore));
        Assert.Equal("seg-new-000002.ts", Assert.Single(again).FileName);
        Assert.False(again[0].DiscontinuityBefore);
        Assert.Equal(6, index.Segments.Count);
        Assert.Equal((Start, Start.AddSeconds(12.5)), (index.First!.Value, index.Last!.Value));
    }

    [Fact]
    public async Task ARunWithAClock_IsDatedFromItsEpoch_NotFromFfmpegsLateStart()
    {
        var index = await BufferIndex.LoadAsync(_folder.Layout.BufferPlaylist("yard"), TestContext.Current.CancellationToken);
        var epoch = Start.AddMilliseconds(250);
        index.BeginRun("seg-c-", new RunClock(epoch, TimeSpan.FromSeconds(2)));

        // ffmpeg dated its first segment 1.3 s after the epoch (its muxer started late); the first one seen here is #3.
        var added = index.AppendNew([
            new("seg-c-000003.ts", epoch.AddMilliseconds(7300), TimeSpan.FromSeconds(2)),
            new("seg-c-000004.ts", epoch.AddMilliseconds(9300), TimeSpan.FromSeconds(2)),
        ]);
        var later = index.AppendNew([new("seg-c-000005.ts", epoch.AddMilliseconds(11300), TimeSpan.FromSeconds(2))]);

        Assert.Equal([epoch.AddSeconds(6), epoch.AddSeconds(8)], added.Select(s => s.Start));
        Assert.Equal(epoch.AddSeconds(10), Assert.Single(later).Start);
    }

    [Fact]
    public async Task ACamerasRun_IsDatedFromWhenItsFramesArrived_TheEarliestReportWinning()
    {
        var index = await BufferIndex.LoadAsync(_folder.Layout.BufferPlaylist("yard"), TestContext.Current.CancellationToken);
        var arrival = new ArrivalClock();
        index.BeginRun("seg-d-", arrival);
        var zero = Start.AddMilliseconds(400);

        // ffmpeg's reports (written, at): nothing yet; 0.5 s at 0.95 s and 2 s at 2.45 s (reports delayed by a busy
        // machine); 1.5 s at 1.5 s, the earliest, says when time 0 arrived.
        arrival.Observe(zero.AddSeconds(0.9), TimeSpan.Zero);
        arrival.Observe(zero.AddSeconds(0.95), TimeSpan.FromSeconds(0.5));
        arrival.Observe(zero.AddSeconds(1.5), TimeSpan.FromSeconds(1.5));
        arrival.Observe(zero.AddSeconds(2.45), TimeSpan.FromSeconds(2));
        // ffmpeg dated its first segment when its muxer started, 1 s late; the second follows by its duration.
        var added = index.AppendNew([
            new("seg-d-000000.m4s", Start.AddMilliseconds(1400), TimeSpan.FromSeconds(4), InitFileName: "seg-d-init.mp4"),
            new("seg-d-000001.m4s", Start.AddMilliseconds(5400), TimeSpan.FromSeconds(4), InitFileName: "seg-d-init.mp4"),
        ]);

        Assert.Equal(zero, arrival.Epoch);
        Assert.Equal([zero, zero.AddSeconds(4)], added.Select(s => s.Start));
        Assert.All(added, s => Assert.Equal("seg-d-init.mp4", s.InitFileName));
        Assert.True(index.Contains("seg-d-init.mp4"));
    }

    [Fact]
    public async Task TheFirstRunIntoAnEmptyBuffer_HasNoDiscontinuity_AndDirectoriesInLiveNamesAreDropped()
    {
        var index = await BufferIndex.LoadAsync(_folder.Layout.BufferPlaylist("yard"), TestContext.Current.CancellationToken);
        index.BeginRun("seg-a-");

        var added = index.AppendNew([new("/buffer/yard/seg-a-000000.ts", Start, TimeSpan.FromSeconds(2))]);

        Assert.Equal(new RecordedSegment("seg-a-000000.ts", Start, TimeSpan.FromSeconds(2)), Assert.Single(added));
    }

    [Fact]
    public async Task DroppingTheOldest_MovesTheSequenceNumbersOn_AndSavingWritesThePlaylist()
    {
        var path = _folder.Layout.BufferPlaylist("yard");
        _folder.Write("yard", [
            new("seg-a-000000.ts", Start, TimeSpan.FromSeconds(2)),
            new("seg-b-000000.ts", Start.AddSeconds(2.5), TimeSpan.FromSeconds(2), DiscontinuityBefore: true),
            new("seg-b-000001.ts", Start.AddSeconds(4.5), TimeSpan.FromSeconds(2)),
        ]);
        var index = await BufferIndex.LoadAsync(path, TestContext.Current.CancellationToken);

        var (dropped, inits) = index.DropOldest(2);
        await index.SaveAsync(TestContext.Current.CancellationToken);

        Assert.Equal(["seg-a-000000.ts", "seg-b-000000.ts"], dropped.Select(s => s.FileName));
        Assert.Empty(inits);
        Assert.False(index.Contains("seg-a-000000.ts"));
        var saved = HlsPlaylist.ParseMedia(await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken));
        Assert.Equal((2, 1), (saved.MediaSequence, saved.DiscontinuitySequence));
        Assert.Equal("seg-b-000001.ts", Assert.Single(saved.Segments).FileName);
        Assert.Equal((byte)'#', (await File.ReadAllBytesAsync(path, TestContext.Current.CancellationToken))[0]); // no byte order mark: HLS forbids it
    }

    [Fact]
    public async Task NewSegments_AreAppended_TheFileWrittenWholeOnlyWhenTheOldestLeave()
    {
        var path = _folder.Layout.BufferPlaylist("yard");
        _folder.Record("yard", Start, 3, run: "old");
        var index = await BufferIndex.LoadAsync(path, TestContext.Current.CancellationToken);
        await index.SaveAsync(TestContext.Current.CancellationToken); // after loading, written whole once
        index.BeginRun("seg-new-");
        var before = await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken);

        // A reader that opened the file before: an append reaches it; a file written whole (a new file renamed over the
        // old one) would not.
        await using var reader = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);

        index.AppendNew([Segment("seg-new-000000.ts", 6.5), Segment("seg-new-000001.ts", 8.5)]);
        await index.SaveAsync(TestContext.Current.CancellationToken);
        var appended = await new StreamReader(reader).ReadToEndAsync(TestContext.Current.CancellationToken);

        Assert.StartsWith(before, appended, StringComparison.Ordinal);
        Assert.Contains("seg-new-000001.ts", appended, StringComparison.Ordinal);
        Assert.Equal(index.Segments, HlsPlaylist.Parse(appended));

        index.DropOldest(2);
        await index.SaveAsync(TestContext.Current.CancellationToken);
        var rewritten = HlsPlaylist.ParseMedia(await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken));
        Assert.Equal(2, rewritten.MediaSequence);
        Assert.Equal(index.Segments, rewritten.Segments);
    }

    [Fact]
    public async Task ASegmentLongerThanTheHeaderAllows_OrTheFirstWithAMap_WritesTheFileWhole()
    {
        var path = _folder.Layout.BufferPlaylist("yard");
        var index = await BufferIndex.LoadAsync(path, TestContext.Current.CancellationToken);
        index.BeginRun("seg-a-");
        index.AppendNew([Segment("seg-a-000000.ts", 0)]);
        await index.SaveAsync(TestContext.Current.CancellationToken);

        index.AppendNew([Segment("seg-a-000001.ts", 2) with { Duration = TimeSpan.FromSeconds(3.5) }]);
        await index.SaveAsync(TestContext.Current.CancellationToken);
        index.BeginRun("seg-b-");
        index.AppendNew([Segment("seg-b-000000.m4s", 6) with { InitFileName = "seg-b-init.mp4" }]);
        await index.SaveAsync(TestContext.Current.CancellationToken);

        var text = await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken);
        Assert.Contains("#EXT-X-TARGETDURATION:4\n", text, StringComparison.Ordinal); // RFC 8216: no EXTINF above it
        Assert.Contains("#EXT-X-VERSION:6\n", text, StringComparison.Ordinal); // EXT-X-MAP needs version 6
        Assert.Equal(index.Segments, HlsPlaylist.Parse(text));
    }

    [Fact]
    public async Task AHalfLineACrashLeft_IsWrittenOverAtTheFirstSave()
    {
        var path = _folder.Layout.BufferPlaylist("yard");
        var segments = _folder.Record("yard", Start, 3, run: "old");
        await File.AppendAllTextAsync(path, "#EXT-X-PROGRAM-DATE-TIME:2026-11-24T10:00:06.000Z\n#EXTINF:2.000000,\nseg-old-0000", TestContext.Current.CancellationToken);
        var index = await BufferIndex.LoadAsync(path, TestContext.Current.CancellationToken);
        index.BeginRun("seg-new-");

        index.AppendNew([Segment("seg-new-000000.ts", 8)]);
        await index.SaveAsync(TestContext.Current.CancellationToken);

        var saved = HlsPlaylist.Parse(await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken));
        Assert.Equal([.. segments.Select(s => s.FileName), "seg-new-000000.ts"], saved.Select(s => s.FileName));
        // Sizes are read from disk as segments come (the new one has no file here).
        Assert.Equal([.. segments.Select(s => (long)$"video of {s.FileName}".Length), 0L], index.Sizes);
    }

    private static RecordedSegment Segment(string name, double seconds) => new(name, Start.AddSeconds(seconds), TimeSpan.FromSeconds(2));
}
