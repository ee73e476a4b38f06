using System.Diagnostics;
using System.Globalization;
using DogMonitor.Domain.Recording;
using DogMonitor.Worker.Recording;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace DogMonitor.Benchmarks;

/// <summary>
/// What one 2-second segment costs the buffer's index with a day and with a week of segments listed (and their files in
/// the folder): the recorder taking it in (append, retention every 10 s with its batches, the orphan sweep), and a reader
/// (a clip's reservation, the timeline) reading the index after it came. Against, in the same run, the index as it was
/// before: written whole for every segment, every segment's size read and the folder swept every 10 s, read whole.
/// </summary>
internal static class BufferIndexBenchmark
{
    private const string Camera = "yard";
    private const int SegmentSeconds = 2;
    private const int Steady = 900;  // 30 minutes of segments: three retention batches and three sweeps
    private const int Before = 30;   // the old way is slow enough that a minute of segments tells

    public static async Task RunAsync(string workDirectory)
    {
        Console.WriteLine($"Buffer index: cost per {SegmentSeconds} s segment (the recorder taking it in, a reader reading the index after it), {Steady} segments now against {Before} the old way");
        foreach (var (name, days) in new[] { ("1 day", 1), ("7 days", 7) })
        {
            var segments = (int)(TimeSpan.FromDays(days).TotalSeconds / SegmentSeconds);
            var root = Path.Combine(workDirectory, $"index-{days}d");
            var (now, old) = (await MeasureAsync(root + "-now", segments, Steady, oldWay: false), await MeasureAsync(root + "-old", segments, Before, oldWay: true));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {name} ({segments:N0} segments, index {now.IndexBytes / 1e6:0.0} MB)   recorder {now.RecorderMs,7:0.000} ms (before {old.RecorderMs,8:0.0} ms, {old.RecorderMs / now.RecorderMs,5:0}x less)"
                + $"   reader {now.ReaderMs,7:0.000} ms (before {old.ReaderMs,7:0.0} ms, {old.ReaderMs / now.ReaderMs,5:0}x less)"));
        }
    }

    private sealed record Figures(double RecorderMs, double ReaderMs, long IndexBytes);

    private static async Task<Figures> MeasureAsync(string root, int listed, int count, bool oldWay)
    {
        var layout = new BufferLayout(root);
        var directory = layout.CameraDirectory(Camera);
        Directory.CreateDirectory(directory);
        var clock = new SteppedClock(new DateTimeOffset(2026, 12, 4, 0, 0, 0, TimeSpan.Zero));
        var first = clock.GetUtcNow().UtcDateTime - TimeSpan.FromSeconds(listed * SegmentSeconds);
        const string run = "seg-20261201T000000000-";
        var past = Enumerable.Range(0, listed).Select(i => Segment(run, i, first)).ToList();
        foreach (var segment in past) File.WriteAllBytes(layout.Segment(Camera, segment.FileName), []);
        File.WriteAllBytes(layout.Segment(Camera, run + "init.mp4"), []);
        await File.WriteAllTextAsync(layout.BufferPlaylist(Camera), HlsPlaylist.Write(past));

        var options = new RecordingOptions { Retention = TimeSpan.FromSeconds(listed * SegmentSeconds), MaxBytesPerCamera = 0, MinFreeBytes = 0, SegmentSeconds = SegmentSeconds };
        var janitor = new BufferJanitor(layout, Camera, options, clock, NullLogger.Instance);
        var index = await BufferIndex.LoadAsync(layout.BufferPlaylist(Camera), CancellationToken.None);
        await janitor.TidyAsync(index, CancellationToken.None);
        index.BeginRun(run);
        await index.SaveAsync(CancellationToken.None); // after loading, the index is written whole once
        var reader = new RecordingBuffer(layout, Options.Create(options), clock, NullLogger<RecordingBuffer>.Instance);
        await reader.ReadSegmentsAsync(Camera, CancellationToken.None); // a reader that has read the index once already

        var (recorder, reading) = (new Stopwatch(), new Stopwatch());
        for (var i = listed; i < listed + count; i++)
        {
            clock.Step(TimeSpan.FromSeconds(SegmentSeconds));
            var segment = Segment(run, i, first);
            File.WriteAllBytes(layout.Segment(Camera, segment.FileName), []);
            recorder.Start();
            index.AppendNew([segment]);
            if (oldWay) await AtomicFile.WriteAllTextAsync(layout.BufferPlaylist(Camera), HlsPlaylist.Write(new HlsMediaPlaylist(index.Segments)), CancellationToken.None);
            else await index.SaveAsync(CancellationToken.None);
            if (i % (10 / SegmentSeconds) == 0) await HousekeepingAsync(janitor, index, layout, options, clock, oldWay);
            recorder.Stop();

            reading.Start();
            var read = oldWay
                ? HlsPlaylist.Parse(await File.ReadAllTextAsync(layout.BufferPlaylist(Camera)))
                : await reader.ReadSegmentsAsync(Camera, CancellationToken.None);
            reading.Stop();
            if (read[^1].FileName != segment.FileName) throw new InvalidOperationException($"The reader did not see {segment.FileName}.");
        }
        var bytes = new FileInfo(layout.BufferPlaylist(Camera)).Length;
        Directory.Delete(root, recursive: true);
        return new Figures(recorder.Elapsed.TotalMilliseconds / count, reading.Elapsed.TotalMilliseconds / count, bytes);
    }

    // Every 10 s. The old way: every listed segment's size read, what retention found dropped at once (the index written
    // whole again), the whole folder swept.
    private static async Task HousekeepingAsync(BufferJanitor janitor, BufferIndex index, BufferLayout layout, RecordingOptions options, TimeProvider clock, bool oldWay)
    {
        if (!oldWay)
        {
            await janitor.TidyAsync(index, CancellationToken.None, sweep: false);
            return;
        }
        var sizes = index.Segments.Select(s => new FileInfo(layout.Segment(Camera, s.FileName)).Length).ToList();
        var count = RetentionPolicy.CountToDrop(index.Segments.Select(s => s.End).ToList(), sizes, clock.GetUtcNow().UtcDateTime, options.Retention, options.MaxBytesPerCamera);
        if (count > 0)
        {
            var (dropped, _) = index.DropOldest(count);
            await AtomicFile.WriteAllTextAsync(layout.BufferPlaylist(Camera), HlsPlaylist.Write(new HlsMediaPlaylist(index.Segments)), CancellationToken.None);
            foreach (var segment in dropped) File.Delete(layout.Segment(Camera, segment.FileName));
        }
        janitor.DeleteOrphans(index);
        janitor.DeleteStaleCuts();
    }

    private static RecordedSegment Segment(string run, int i, DateTime first) =>
        new($"{run}{i:D6}.m4s", first.AddSeconds(i * SegmentSeconds), TimeSpan.FromSeconds(SegmentSeconds), InitFileName: run + "init.mp4");

    private sealed class SteppedClock(DateTimeOffset now) : TimeProvider
    {
        private DateTimeOffset _now = now;
        public override DateTimeOffset GetUtcNow() => _now;
        public void Step(TimeSpan by) => _now += by;
    }
}
