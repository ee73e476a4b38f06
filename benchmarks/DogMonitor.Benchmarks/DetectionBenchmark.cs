using System.Diagnostics;
using System.Globalization;

namespace DogMonitor.Benchmarks;

/// <summary>
/// What activity detection costs a recorder: a DogMonitor.Worker recording one 720p camera (an RTSP camera sending
/// H.264 with AAC, which the recorder copies, and the synthetic camera, which it encodes), measured as the CPU time of
/// the process and its ffmpeg over the same span with detection off and on, in the same run. The added share of one
/// core is the figure the issue bounds (15 %).
/// </summary>
internal static class DetectionBenchmark
{
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan Span = TimeSpan.FromSeconds(40);

    // A camera as the tests RTSP server makes one: a moving ball at 720p25, H.264 main, AAC sound.
    private const string Camera = "( videotestsrc is-live=true pattern=ball ! video/x-raw,width=1280,height=720,framerate=25/1 "
        + "! x264enc speed-preset=veryfast tune=zerolatency sliced-threads=false key-int-max=50 ! video/x-h264,profile=main "
        + "! rtph264pay name=pay0 pt=96 config-interval=-1 audiotestsrc is-live=true freq=440 volume=0.05 ! audioconvert "
        + "! audio/x-raw,rate=16000,channels=1 ! voaacenc bitrate=32000 ! rtpmp4gpay name=pay1 pt=97 )";

    public static async Task RunAsync(string workerDll, string rtspServer, string workDirectory)
    {
        Console.WriteLine($"Activity detection: CPU of a recorder (DogMonitor.Worker and its ffmpeg) over {Span.TotalSeconds:0} s, after {WarmUp.TotalSeconds:0} s to settle, on {Environment.ProcessorCount} cores");
        var port = FreePort();
        // Debian's python3, which has GStreamer's bindings (python3-gi), not another one earlier on PATH.
        using var server = Process.Start(new ProcessStartInfo("/usr/bin/python3", [rtspServer, port.ToString(CultureInfo.InvariantCulture), "--launch", Camera])
        {
            RedirectStandardOutput = true, RedirectStandardError = true,
        })!;
        try
        {
            var ready = await server.StandardOutput.ReadLineAsync();
            if (ready is null || !ready.StartsWith("READY ", StringComparison.Ordinal))
                throw new InvalidOperationException($"The RTSP test server did not start: {await server.StandardError.ReadToEndAsync()}");
            var url = ready["READY ".Length..].Trim();
            foreach (var (name, source) in new[] { ("RTSP camera, 720p25 H.264 + AAC (copied)", url), ("synthetic camera, 720p25 (encoded)", "synthetic:1280x720@25") })
            {
                var off = await MeasureAsync(workerDll, workDirectory, source, detect: false);
                var on = await MeasureAsync(workerDll, workDirectory, source, detect: true);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {name,-42} detection off {off,5:0.0} % of a core   on {on,5:0.0} %   added {on - off,5:0.0} % of one core   ({on / off:0.00}x)"));
            }
        }
        finally
        {
            server.Kill(entireProcessTree: true);
        }
    }

    /// <returns>The recorder's CPU use over <see cref="Span"/>, in percent of one core.</returns>
    private static async Task<double> MeasureAsync(string workerDll, string workDirectory, string source, bool detect)
    {
        var data = Path.Combine(workDirectory, $"detection-{Guid.NewGuid():N}");
        var start = new ProcessStartInfo("dotnet", [workerDll])
        {
            WorkingDirectory = Path.GetDirectoryName(workerDll)!,
            RedirectStandardOutput = true, RedirectStandardError = true,
        };
        start.Environment["DataDirectory"] = data;
        start.Environment["Recording__Enabled"] = "true";
        start.Environment["Recording__DetectActivity"] = detect ? "true" : "false";
        start.Environment["Recording__SyntheticActivityEvery"] = "00:00:00"; // the same still scene either way
        start.Environment["Clips__CuttingEnabled"] = "false";
        start.Environment["Cameras__0__Id"] = "bench";
        start.Environment["Cameras__0__Source"] = source;
        using var worker = Process.Start(start)!;
        // Drained, or a full pipe would stop it.
        _ = worker.StandardOutput.ReadToEndAsync();
        _ = worker.StandardError.ReadToEndAsync();
        try
        {
            await Task.Delay(WarmUp);
            var before = TreeTicks(worker.Id);
            var clock = Stopwatch.StartNew();
            await Task.Delay(Span);
            var ticks = TreeTicks(worker.Id) - before;
            // What was measured is what was meant: the detectors' outputs are on ffmpeg's command line exactly when on.
            if (CommandLines(worker.Id).Any(c => c.Contains("unix:", StringComparison.Ordinal)) != detect)
                throw new InvalidOperationException($"The recorder's ffmpeg {(detect ? "has no" : "has")} activity outputs: {string.Join(" | ", CommandLines(worker.Id))}");
            return 100.0 * ticks / TicksPerSecond / clock.Elapsed.TotalSeconds;
        }
        finally
        {
            worker.Kill(entireProcessTree: true);
            await worker.WaitForExitAsync();
            try { Directory.Delete(data, recursive: true); } catch (IOException) { }
        }
    }

    // USER_HZ: 100 on Linux.
    private const double TicksPerSecond = 100;

    /// <summary>CPU ticks (user and system) of a process and its living descendants, with what their ended children used.</summary>
    private static long TreeTicks(int pid)
    {
        long total = 0;
        var pending = new Stack<int>([pid]);
        while (pending.Count > 0)
        {
            var current = pending.Pop();
            try
            {
                var stat = File.ReadAllText($"/proc/{current}/stat");
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                // Fields 14 to 17 of stat (utime, stime, cutime, cstime) are 11 to 14 after the command's closing parenthesis.
                for (var i = 11; i <= 14; i++) total += long.Parse(fields[i], CultureInfo.InvariantCulture);
                foreach (var task in Directory.GetDirectories($"/proc/{current}/task"))
                    foreach (var child in File.ReadAllText(Path.Combine(task, "children")).Split(' ', StringSplitOptions.RemoveEmptyEntries))
                        pending.Push(int.Parse(child, CultureInfo.InvariantCulture));
            }
            catch (IOException)
            {
                // It ended between the listing and the reading.
            }
        }
        return total;
    }

    private static IEnumerable<string> CommandLines(int pid)
    {
        foreach (var task in Directory.GetDirectories($"/proc/{pid}/task"))
            foreach (var child in File.ReadAllText(Path.Combine(task, "children")).Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                string line;
                try { line = File.ReadAllText($"/proc/{child}/cmdline").Replace('\0', ' '); }
                catch (IOException) { continue; }
                yield return line;
            }
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
