using System.Diagnostics;
using System.Globalization;
using DogMonitor.Faults.Stack;

namespace DogMonitor.Benchmarks;

/// <summary>
/// Clips a minute in production with one cutting worker process and then with two: a backlog of exact clips queued at
/// once, timed from the first request until the last clip is ready; the ratio says what the second worker adds.
/// </summary>
public static class WorkersBenchmark
{
    private const int Backlog = 10;
    private const int Seconds = 5;
    private const int Spread = 5; // the clips start at different moments of the buffer, up to this many seconds apart
    private static readonly TimeSpan Buffered = TimeSpan.FromSeconds(Seconds + Spread + 3);

    public static async Task RunAsync(Uri app, string cameraId, string work)
    {
        using var http = await ApiSession.SignInAsync(app);
        await CameraBuffer.WaitForAsync(http, cameraId, Buffered);
        Console.WriteLine($"[workers] DogMonitor.Worker processes over RabbitMQ, PostgreSQL and S3 beside the web app and the recorder; camera '{cameraId}', {Environment.ProcessorCount} cores");
        Console.WriteLine($"[workers] {Backlog} exact {Seconds} s clips queued at once, timed until the last is ready (after one warm-up clip a worker); one clip at a time a worker");
        Console.WriteLine($"{"workers",8} {"all ready s",12} {"clips/min",10} {"vs 1 worker",12}");
        var cutters = new List<HostProcess>();
        try
        {
            double? one = null;
            for (var count = 1; count <= 2; count++)
            {
                // As compose's worker service: the installation's settings from bench.sh's environment, the role from here.
                var cutter = new HostProcess($"cutter-{count}", "DogMonitor.Worker", new Dictionary<string, string?>
                {
                    ["DataDirectory"] = Path.Combine(work, $"cutter-{count}"), ["Recording:Enabled"] = "false", ["Clips:CuttingEnabled"] = "true",
                }, work, "Worker ready");
                cutters.Add(cutter);
                await cutter.StartAsync();
                await BacklogAsync(http, cameraId, count); // the JIT, the first ffmpeg, connection pools
                var elapsed = await BacklogAsync(http, cameraId, Backlog);
                var perMinute = Backlog / elapsed.TotalMinutes;
                one ??= perMinute;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{count,8} {elapsed.TotalSeconds,12:0.00} {perMinute,10:0.0} {perMinute / one,11:0.00}x"));
            }
        }
        finally
        {
            foreach (var cutter in cutters) await cutter.DisposeAsync();
        }
    }

    private static async Task<TimeSpan> BacklogAsync(HttpClient http, string cameraId, int clips)
    {
        var last = await CameraBuffer.WaitForAsync(http, cameraId, Buffered);
        var watch = Stopwatch.StartNew();
        var waiting = new HashSet<string>();
        for (var i = 0; i < clips; i++)
            waiting.Add(await ClipRequests.QueueAsync(http, cameraId, last.AddSeconds(-(Seconds + 1 + i % Spread)), Seconds, "exact"));
        var deadline = DateTime.UtcNow.AddMinutes(10);
        while (waiting.Count > 0)
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"{waiting.Count} of {clips} clips were not ready within 10 minutes.");
            foreach (var id in waiting.ToList())
                if (await ClipRequests.ReadyAsync(http, id) is not null) waiting.Remove(id);
            await Task.Delay(200);
        }
        return watch.Elapsed;
    }
}
