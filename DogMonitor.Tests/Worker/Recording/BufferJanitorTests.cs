using DogMonitor.Domain.Recording;
using DogMonitor.Tests.Domain.Recording;
using DogMonitor.Tests.Infrastructure;
using DogMonitor.Worker.Recording;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace DogMonitor.Tests.Worker.Recording;

public sealed class BufferJanitorTests : IDisposable
{
    // Near the real time, because file and folder times on disk are real; whole seconds, as the playlist keeps milliseconds.
    private static readonly DateTime Start = DateTime.UnixEpoch.AddSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds() - 120);
    private readonly TempBuffer _folder = new();
    private readonly ManualClock _clock = new(new DateTimeOffset(Start.AddMinutes(2.5)));
    private readonly RecordingOptions _options = new() { Retention = TimeSpan.FromMinutes(1), SegmentSeconds = 2, MaxBytesPerCamera = 0 };

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Retention_DropsOldSegments_FromThePlaylistAndTheDisk_ButAReservedOneLivesOnInItsCut()
    {
        var segments = _folder.Record("yard", Start, 60); // two minutes
        var buffer = new RecordingBuffer(_folder.Layout, Options.Create(_options), _clock, NullLogger<RecordingBuffer>.Instance);
        var reservation = await buffer.ReserveAsync("yard", Guid.NewGuid(), Start.AddSeconds(6), Start.AddSeconds(7), TestContext.Current.CancellationToken);
        var index = await BufferIndex.LoadAsync(_folder.Layout.BufferPlaylist("yard"), TestContext.Current.CancellationToken);

        var dropped = await Janitor().ApplyRetentionAsync(index, TestContext.Current.CancellationToken);

        Assert.Equal(45, dropped); // everything that ended at or before now - 1 min
        var listed = HlsPlaylist.ParseMedia(await File.ReadAllTextAsync(_folder.Layout.BufferPlaylist("yard"), TestContext.Current.CancellationToken));
        Assert.Equal(45, listed.MediaSequence);
        Assert.Equal(segments.Skip(45), listed.Segments);
        Assert.All(segments.Take(45), s => Assert.False(File.Exists(_folder.Layout.Segment("yard", s.FileName)), $"{s.FileName} is still there."));
        Assert.All(segments.Skip(45), s => Assert.True(File.Exists(_folder.Layout.Segment("yard", s.FileName))));

        var held = Assert.Single(reservation.Files).Path;
        Assert.Equal($"video of {segments[3].FileName}", await File.ReadAllTextAsync(held, TestContext.Current.CancellationToken));
        await reservation.DisposeAsync();
        Assert.False(File.Exists(held));
    }

    [Fact]
    public async Task Retention_OverTheDiskBudget_DropsTheOldestUntilUnder()
    {
        var segments = _folder.Record("yard", Start, 10);
        _options.Retention = TimeSpan.FromHours(1);
        _options.MaxBytesPerCamera = 3 * new FileInfo(_folder.Layout.Segment("yard", segments[0].FileName)).Length;
        var index = await BufferIndex.LoadAsync(_folder.Layout.BufferPlaylist("yard"), TestContext.Current.CancellationToken);

        await Janitor().ApplyRetentionAsync(index, TestContext.Current.CancellationToken);

        Assert.Equal(segments.Skip(7), index.Segments);
    }

    [Fact]
    public async Task Orphans_OlderThanTheNewestListedSegment_AreDeleted_NewerOnesMayBeFfmpegsAndStay()
    {
        _folder.Record("yard", Start, 60);
        var orphan = Touch("seg-crashed-000007.ts", Start.AddSeconds(30));
        var writing = Touch("seg-current-000000.ts", Start.AddSeconds(115));
        var other = Touch("notes.txt", Start);
        var index = await BufferIndex.LoadAsync(_folder.Layout.BufferPlaylist("yard"), TestContext.Current.CancellationToken);

        Assert.Equal(1, Janitor().DeleteOrphans(index));

        Assert.False(File.Exists(orphan));
        Assert.True(File.Exists(writing));
        Assert.True(File.Exists(other));
        Assert.Equal(60, Directory.GetFiles(_folder.Layout.CameraDirectory("yard"), "seg-run1-*.ts").Length);
    }

    [Fact]
    public void CutFolders_OlderThanAnHour_AreDeleted()
    {
        Directory.CreateDirectory(_folder.Layout.CameraDirectory("yard"));
        var stale = _folder.Layout.CutDirectory("yard", Guid.NewGuid());
        var running = _folder.Layout.CutDirectory("yard", Guid.NewGuid());
        Directory.CreateDirectory(stale);
        Directory.CreateDirectory(running);
        File.WriteAllText(Path.Combine(stale, "seg.ts"), "");
        Directory.SetLastWriteTimeUtc(stale, _clock.Now.UtcDateTime.AddHours(-1).AddMinutes(-1));
        Directory.SetLastWriteTimeUtc(running, _clock.Now.UtcDateTime.AddMinutes(-50));

        Assert.Equal(1, Janitor().DeleteStaleCuts());

        Assert.False(Directory.Exists(stale));
        Assert.True(Directory.Exists(running));
    }

    [Fact]
    public async Task Retention_OfALongBuffer_DropsInBatches_SoTheIndexIsNotWrittenWholeForEverySegment()
    {
        // 300 segments of 2 s: a batch is 3; 2 past the retention wait, 3 go.
        var segments = _folder.Record("yard", Start.AddMinutes(-10), 300);
        var index = await BufferIndex.LoadAsync(_folder.Layout.BufferPlaylist("yard"), TestContext.Current.CancellationToken);
        _options.Retention = segments[^1].End - segments[1].End;
        _clock.Now = new DateTimeOffset(segments[^1].End);

        Assert.Equal(0, await Janitor().ApplyRetentionAsync(index, TestContext.Current.CancellationToken));
        Assert.Equal(300, index.Segments.Count);

        _clock.Now += TimeSpan.FromSeconds(2);
        Assert.Equal(3, await Janitor().ApplyRetentionAsync(index, TestContext.Current.CancellationToken));
        Assert.Equal(segments.Skip(3), index.Segments);
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(99, 1)]
    [InlineData(450, 4)]
    [InlineData(43_200, 300)]  // a day of 2 s segments: at most 10 minutes over
    [InlineData(302_400, 300)] // a week
    public void ABatch_IsAHundredthOfTheBuffer_AtMostTenMinutesOfIt(int segments, int batch)
    {
        Assert.Equal(batch, RetentionPolicy.Batch(segments));
    }

    [Fact]
    public async Task Tidying_SearchesForOrphans_AtARunsStart_AndOtherwiseEveryTenMinutes()
    {
        _folder.Record("yard", Start, 60);
        _options.Retention = TimeSpan.FromHours(1);
        var index = await BufferIndex.LoadAsync(_folder.Layout.BufferPlaylist("yard"), TestContext.Current.CancellationToken);
        var janitor = Janitor();
        await janitor.TidyAsync(index, TestContext.Current.CancellationToken); // a run starts

        var orphan = Touch("seg-crashed-000001.ts", Start.AddSeconds(10));
        await janitor.TidyAsync(index, TestContext.Current.CancellationToken, sweep: false);
        Assert.True(File.Exists(orphan));

        _clock.Now += BufferJanitor.SweepInterval;
        await janitor.TidyAsync(index, TestContext.Current.CancellationToken, sweep: false);
        Assert.False(File.Exists(orphan));
    }

    private BufferJanitor Janitor() => new(_folder.Layout, "yard", _options, _clock, NullLogger.Instance);

    private string Touch(string name, DateTime writtenAt)
    {
        var path = _folder.Layout.Segment("yard", name);
        File.WriteAllText(path, "x");
        File.SetLastWriteTimeUtc(path, writtenAt);
        return path;
    }
}
