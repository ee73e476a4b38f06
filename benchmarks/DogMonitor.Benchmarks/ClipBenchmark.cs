using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
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
        using var http = new HttpClient { BaseAddress = app, Timeout = TimeSpan.FromMinutes(5) };
        var last = await WaitForBufferAsync(http, cameraId, TimeSpan.FromSeconds(66));
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
        var created = await http.PostAsJsonAsync("/api/clips", new Dictionary<string, object>
        {
            ["start_ts"] = start.ToString("O", CultureInfo.InvariantCulture), ["duration_ms"] = seconds * 1000, ["camera_id"] = cameraId, ["mode"] = mode,
        });
        created.EnsureSuccessStatusCode();
        var id = (string)(await created.Content.ReadFromJsonAsync<JsonNode>())!["id"]!;
        while (true)
        {
            var clip = (await http.GetFromJsonAsync<JsonNode>($"/api/clips/{id}"))!;
            switch ((string?)clip["status"])
            {
                case "ready": return (watch.Elapsed, clip);
                case "failed": throw new InvalidOperationException($"The {seconds} s {mode} clip failed: {clip["error"]}");
            }
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
            await File.WriteAllLinesAsync(list, ["ffconcat version 1.0", .. selection.Segments.Select(s => $"file '{layout.Segment(cameraId, s.FileName)}'")]);
            var output = Path.Combine(work.FullName, "out.mp4");
            string[] common = ["-hide_banner", "-nostdin", "-y", "-loglevel", "error", "-f", "concat", "-safe", "0", "-i", list, "-map", "0:v:0"];
            string[] encode = mode == "exact"
                ? ["-vf", string.Create(CultureInfo.InvariantCulture, $"trim=start={selection.StartOffset.TotalSeconds:0.000000}:duration={duration.TotalSeconds:0.000000},setpts=PTS-STARTPTS"),
                   "-fps_mode", "vfr", "-c:v", "libx264", "-preset", "veryfast", "-crf", "23", "-pix_fmt", "yuv420p"]
                : ["-c:v", "copy"];
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

    private static async Task<DateTime> WaitForBufferAsync(HttpClient http, string cameraId, TimeSpan span)
    {
        Console.WriteLine($"[clips] waiting for {span.TotalSeconds:0} s of recording …");
        var deadline = DateTime.UtcNow + span + TimeSpan.FromMinutes(2);
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                var camera = (await http.GetFromJsonAsync<JsonArray>("/api/cameras"))!.FirstOrDefault(c => (string?)c!["id"] == cameraId);
                if (camera?["buffer_first"] is { } first && camera["buffer_last"] is { } last && (DateTime)last - (DateTime)first >= span)
                    return ((DateTime)last).ToUniversalTime();
            }
            catch (HttpRequestException)
            {
                // the app is still starting
            }
            await Task.Delay(1000);
        }
        throw new TimeoutException($"Camera '{cameraId}' did not record {span.TotalSeconds:0} s in time.");
    }
}
