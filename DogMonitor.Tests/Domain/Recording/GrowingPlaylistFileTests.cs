using DogMonitor.Domain.Recording;

namespace DogMonitor.Tests.Domain.Recording;

public sealed class GrowingPlaylistFileTests : IDisposable
{
    private static readonly DateTime Start = new(2026, 12, 4, 10, 0, 0, DateTimeKind.Utc);
    private readonly TempBuffer _folder = new();

    public void Dispose() => _folder.Dispose();

    private string Path => _folder.Layout.BufferPlaylist("yard");

    [Fact]
    public async Task NoFile_IsAnEmptyPlaylist()
    {
        var playlist = await new GrowingPlaylistFile(Path).ReadAsync(TestContext.Current.CancellationToken);

        Assert.Empty(playlist.Segments);
    }

    [Fact]
    public async Task WhatIsAppended_IsReadOn_FromWhereTheLastReadStopped()
    {
        var segments = Segments(6);
        _folder.Write("yard", segments[..4]);
        var file = new GrowingPlaylistFile(Path);
        Assert.Equal(segments[..4], (await file.ReadAsync(TestContext.Current.CancellationToken)).Segments);

        // Appended, as the recorder appends: only the new lines.
        await File.AppendAllTextAsync(Path, HlsPlaylist.AppendSegments(new(), segments[4..], segments[3]).ToString(), TestContext.Current.CancellationToken);
        // What was read before is not read again: spoil it, and the read on still sees the right segments.
        Spoil(segments[1].FileName);

        Assert.Equal(segments, (await file.ReadAsync(TestContext.Current.CancellationToken)).Segments);
    }

    [Fact]
    public async Task AHalfWrittenLine_WaitsUntilItsLineFeed()
    {
        var segments = Segments(3);
        _folder.Write("yard", segments[..2]);
        var file = new GrowingPlaylistFile(Path);
        await file.ReadAsync(TestContext.Current.CancellationToken);
        var rest = HlsPlaylist.AppendSegments(new(), segments[2..], segments[1]).ToString();

        await File.AppendAllTextAsync(Path, rest[..^6], TestContext.Current.CancellationToken); // the name cut short
        Assert.Equal(segments[..2], (await file.ReadAsync(TestContext.Current.CancellationToken)).Segments);

        await File.AppendAllTextAsync(Path, rest[^6..], TestContext.Current.CancellationToken);
        Assert.Equal(segments, (await file.ReadAsync(TestContext.Current.CancellationToken)).Segments);
    }

    [Fact]
    public async Task AFileReplacedWhole_WithTheOldestGone_IsReadAnew()
    {
        var segments = Segments(6);
        _folder.Write("yard", segments[..4]);
        var file = new GrowingPlaylistFile(Path);
        await file.ReadAsync(TestContext.Current.CancellationToken);

        // Retention: the two oldest leave, the sequence moves on, and two new ones came meanwhile. The file is longer than before.
        await AtomicFile.WriteAllTextAsync(Path, HlsPlaylist.Write(new HlsMediaPlaylist(segments[2..], MediaSequence: 2)), TestContext.Current.CancellationToken);

        var read = await file.ReadAsync(TestContext.Current.CancellationToken);
        Assert.Equal(segments[2..], read.Segments);
        Assert.Equal(2, read.MediaSequence);
    }

    [Fact]
    public async Task AFileReplacedWithTheSameStart_ButOtherSegmentsAtTheEnd_IsReadAnew()
    {
        var segments = Segments(4);
        _folder.Write("yard", segments);
        var file = new GrowingPlaylistFile(Path);
        await file.ReadAsync(TestContext.Current.CancellationToken);

        List<RecordedSegment> other = [.. segments[..3], segments[3] with { FileName = "seg-run2-000000.ts", DiscontinuityBefore = true }, .. Segments(2, from: 4, run: "run2")];
        _folder.Write("yard", other);

        Assert.Equal(other, (await file.ReadAsync(TestContext.Current.CancellationToken)).Segments);
    }

    [Fact]
    public async Task ABrokenPlaylist_IsRefused_AndAFixedOneReadAfterwards()
    {
        Directory.CreateDirectory(_folder.Layout.CameraDirectory("yard"));
        await File.WriteAllTextAsync(Path, "not a playlist\n", TestContext.Current.CancellationToken);
        var file = new GrowingPlaylistFile(Path);

        await Assert.ThrowsAsync<FormatException>(() => file.ReadAsync(TestContext.Current.CancellationToken));

        var segments = Segments(2);
        _folder.Write("yard", segments);
        Assert.Equal(segments, (await file.ReadAsync(TestContext.Current.CancellationToken)).Segments);
    }

    private static RecordedSegment[] Segments(int count, int from = 0, string run = "run1") =>
        [.. Enumerable.Range(from, count).Select(i => new RecordedSegment($"seg-{run}-{i:D6}.ts", Start.AddSeconds(2 * i), TimeSpan.FromSeconds(2)))];

    // Overwrites a segment's name in place (same length), as if the bytes already read had changed.
    private void Spoil(string fileName)
    {
        var text = File.ReadAllText(Path);
        File.WriteAllText(Path, text.Replace(fileName, new string('x', fileName.Length), StringComparison.Ordinal));
    }
}
