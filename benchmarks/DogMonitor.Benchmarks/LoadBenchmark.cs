using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace DogMonitor.Benchmarks;

/// <summary>
/// Sustained load through the running app, as API clients make it: snapshot posts (a 720p JPEG as base64 in JSON, the
/// seed's contract), then the first page of the listing, each from several loops at once for a fixed time.
/// </summary>
public static class LoadBenchmark
{
    private const int Loops = 8;
    private const int PageSize = 50;
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan Measured = TimeSpan.FromSeconds(20);

    public static async Task RunAsync(Uri app, string setup)
    {
        using var http = await ApiSession.SignInAsync(app);
        var jpeg = await TestPatternJpegAsync();
        var frameData = "data:image/jpeg;base64," + Convert.ToBase64String(jpeg);
        Console.WriteLine($"[load] {setup}; {Environment.ProcessorCount} cores; {Loops} loops, each sending its next request when the last is answered; {WarmUp.TotalSeconds:0} s warm-up, then {Measured.TotalSeconds:0} s measured");
        Console.WriteLine($"{"request",30} {"req/s",8} {"p50 ms",8} {"p99 ms",8} {"p99/p50",8} {"errors",7}");

        var posts = await ClosedLoops.RunAsync(Loops, WarmUp, Measured, ct => http.PostAsync("/api/snapshots", new StringContent(
            $$"""{"timestamp":"{{DateTime.UtcNow.AddSeconds(-1).ToString("O", CultureInfo.InvariantCulture)}}","labels":["bench"],"frame_data":"{{frameData}}"}""",
            Encoding.UTF8, "application/json"), ct));
        Print("POST /api/snapshots", posts, $"1280x720 JPEG of {jpeg.Length / 1024} KiB");

        var list = $"/api/snapshots?limit={PageSize}";
        var items = (await http.GetFromJsonAsync<JsonNode>(list))!["items"]!.AsArray().Count;
        Print($"GET {list}", await ClosedLoops.RunAsync(Loops, WarmUp, Measured, ct => http.GetAsync(list, ct)), $"{items} items a page");
    }

    private static void Print(string request, LoadFigures figures, string what)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{request,30} {figures.PerSecond,8:0.0} {figures.Percentile(50),8:0.0} {figures.Percentile(99),8:0.0} {figures.Percentile(99) / figures.Percentile(50),7:0.0}x {figures.Errors,7}  {what}"));
        if (figures.FirstError is { } error) Console.WriteLine($"{"",30} first error: {(error.Length > 200 ? error[..200] + "…" : error)}");
        if (figures.Errors == figures.Requests) throw new InvalidOperationException($"Every {request} failed; the figures above mean nothing.");
    }

    /// <summary>One frame of ffmpeg's test pattern (at the camera's size unless told), as a JPEG a client would upload.</summary>
    internal static async Task<byte[]> TestPatternJpegAsync(string size = "1280x720")
    {
        var path = Path.Combine(Path.GetTempPath(), $"dogmonitor-bench-{Guid.NewGuid():N}.jpg");
        try
        {
            using var ffmpeg = Process.Start(new ProcessStartInfo("ffmpeg",
                ["-hide_banner", "-nostdin", "-loglevel", "error", "-f", "lavfi", "-i", $"testsrc2=size={size}:rate=1", "-frames:v", "1", "-q:v", "3", path]))!;
            await ffmpeg.WaitForExitAsync();
            if (ffmpeg.ExitCode != 0) throw new InvalidOperationException($"ffmpeg could not make the test JPEG (exit {ffmpeg.ExitCode}).");
            return await File.ReadAllBytesAsync(path);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
