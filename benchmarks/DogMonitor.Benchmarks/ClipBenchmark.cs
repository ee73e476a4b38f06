using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using DogMonitor.Domain.Recording;

namespace DogMonitor.Benchmarks;

/// <summary>
/// Times a clip from the POST to <c>ready</c> through the running app, and beside it the bare ffmpeg command
/// the cutter runs, on the same buffer segments, in the same run; prints the ratio.
/// </summary>
public static class ClipBenchmark
{
    private static readonly (int Seconds, string Mode)[] Cases = [(5, "exact"), (5, "fast"), (60, "exact"), (60, "fast")];

    public static async Task RunAsync(Uri app, string bufferDirectory, string cameraId)
    {
        using var http = await ApiSession.SignInAsync(app);
        var span = TimeSpan.FromSeconds(66); // the longest clip and some room before it
        Console.WriteLine($"[clips] waiting for {span.TotalSeconds:0} s of recording …");
        var last = await CameraBuffer.WaitForAsync(http, cameraId, span);
        var layout = new BufferLayout(bufferDirectory);
        Console.WriteLine($"[clips] camera '{cameraId}', {Environment.ProcessorCount} cores; request → ready through the API vs the bare ffmpeg command on the same segments");
        Console.WriteLine($"{"clip",12} {"ready s",9} {"bare s",8} {"ratio",7}  produced");
        foreach (var (seconds, mode) in Cases)
        {
            var start = last - TimeSpan.FromSeconds(seconds + 2);
            var (ready, clip) = await RequestToReadyAsync(http, cameraId, start, seconds, mode);
            var bare = await BareFfmpegAsync(layout, cameraId, start, TimeSpan.FromSeconds(seconds), mode);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{$"{seconds} s {mode}",12} {ready.TotalSeconds,9:0.000} {bare.TotalSeconds,8:0.000} {ready / bare,6:0.00}x  {(int)clip["duration_ms"]!} ms, {(long)clip["size_bytes"]! / 1024} KiB"));
        }
    }

    private static async Task<(TimeSpan Elapsed, JsonNode Clip)> RequestToReadyAsync(HttpClient http, string cameraId, DateTime start, int seconds, string mode)
    {
        var watch = Stopwatch.StartNew();
        var id = await ClipRequests.QueueAsync(http, cameraId, start, seconds, mode);
        while (true)
        {
            if (await ClipRequests.ReadyAsync(http, id) is { } clip) return (watch.Elapsed, clip);
            await Task.Delay(20);
        }
    }

    /// <summary>The command lines the cutter runs (without its scan, progress and measuring), on the segments that cover the range.</summary>
    private static async Task<TimeSpan> BareFfmpegAsync(BufferLayout layout, string cameraId, DateTime start, TimeSpan duration, string mode)
    {
        var segments = HlsPlaylist.Parse(await File.ReadAllTextAsync(layout.BufferPlaylist(cameraId)));
        var selection = SegmentSelection.Select(cameraId, segments, start, start + duration);
        if (selection.Outcome != SegmentSelectionOutcome.Covered) throw new InvalidOperationException(selection.Problem);
        var work = Directory.CreateTempSubdirectory("dogmonitor-bench-");
        try
        {
            var list = Path.Combine(work.FullName, "cut.ffconcat");
            await File.WriteAllLinesAsync(list, ConcatList(layout, cameraId, selection.Segments));
            var output = Path.Combine(work.FullName, "out.mp4");
            string[] common = ["-hide_banner", "-nostdin", "-y", "-loglevel", "error", "-protocol_whitelist", "file,concat", "-f", "concat", "-safe", "0", "-i", list];
            var range = string.Create(CultureInfo.InvariantCulture, $"start={selection.StartOffset.TotalSeconds:0.000000}:duration={duration.TotalSeconds:0.000000}");
            string[] encode = mode == "exact"
                ? ["-map", "0:v:0", "-vf", $"trim={range},setpts=PTS-STARTPTS", "-fps_mode", "vfr", "-c:v", "libx264", "-preset", "veryfast", "-crf", "23", "-pix_fmt", "yuv420p",
                   "-map", "0:a:0?", "-af", $"atrim={range},asetpts=PTS-STARTPTS", "-c:a", "aac", "-b:a", "128k"]
                : ["-map", "0:v:0", "-c:v", "copy", "-map", "0:a:0?", "-c:a", "copy", "-bsf:a", "aac_adtstoasc"];
            var watch = Stopwatch.StartNew();
            using var ffmpeg = Process.Start(new ProcessStartInfo("ffmpeg", [.. common, .. encode, "-movflags", "+faststart", "-f", "mp4", output]))!;
            await ffmpeg.WaitForExitAsync();
            if (ffmpeg.ExitCode != 0) throw new InvalidOperationException($"bare ffmpeg failed with {ffmpeg.ExitCode}");
            return watch.Elapsed;
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    /// <summary>
    /// The segments as the cutter lists them: a fragmented-MP4 segment read after its run's initialisation segment (ffmpeg's
    /// concat protocol joins the two), each but the last with its length, here the playlist's (the cutter's comes from its scan);
    /// without them the segments' own timestamps, counted from the recording's start, put the clip in the wrong place.
    /// </summary>
    private static List<string> ConcatList(BufferLayout layout, string cameraId, IReadOnlyList<RecordedSegment> segments)
    {
        var lines = new List<string> { "ffconcat version 1.0" };
        for (var i = 0; i < segments.Count; i++)
        {
            var (file, init) = (layout.Segment(cameraId, segments[i].FileName), segments[i].InitFileName);
            lines.Add(init is null ? $"file '{file}'" : $"file 'concat:{layout.Segment(cameraId, init)}|{file}'");
            if (i < segments.Count - 1) lines.Add(string.Create(CultureInfo.InvariantCulture, $"duration {segments[i].Duration.TotalSeconds:0.000000}"));
        }
        return lines;
    }
}
