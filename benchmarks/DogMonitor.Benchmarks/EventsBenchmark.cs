using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace DogMonitor.Benchmarks;

/// <summary>
/// Many clients on the live events: <see cref="Streams"/> Server-Sent Event streams held open on one web process, its
/// memory per stream (working set after opening them, less before, over their number) and the delay from an event's
/// publication to its arrival at every client, against one stream as the baseline in the same run.
/// </summary>
public static class EventsBenchmark
{
    private const int Streams = 500;
    private const int Events = 20;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    public static async Task RunAsync(Uri app, int webProcessId)
    {
        using var http = await ApiSession.SignInAsync(app);
        var frameData = "data:image/jpeg;base64," + Convert.ToBase64String(await LoadBenchmark.TestPatternJpegAsync("320x180"));
        using var clients = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = Streams + 10 }) { BaseAddress = app, Timeout = Timeout.InfiniteTimeSpan };
        clients.DefaultRequestHeaders.Add("X-Api-Key", http.DefaultRequestHeaders.GetValues("X-Api-Key").Single());
        Console.WriteLine($"[events] embedded default (no camera); {Environment.ProcessorCount} cores; {Events} snapshot.created events, one at a time, each awaited at every stream;"
            + " delay = arrival at the client − the event's publication (its at)");
        Console.WriteLine($"{"streams",8} {"KiB/stream",11} {"p50 ms",8} {"p95 ms",8} {"max ms",8} {"p50 ratio",10}");

        var baseline = await MeasureAsync(http, clients, frameData, 1, webProcessId, null);
        await MeasureAsync(http, clients, frameData, Streams, webProcessId, baseline);
    }

    private static async Task<double> MeasureAsync(HttpClient http, HttpClient clients, string frameData, int streams, int webProcessId, double? baseline)
    {
        var before = await SettledWorkingSetAsync(webProcessId);
        var listeners = Enumerable.Range(0, streams).Select(_ => StreamListener.Start(clients)).ToList();
        try
        {
            await Task.WhenAll(listeners.Select(l => l.Open)).WaitAsync(Patience);
            await PublishAsync(http, frameData, listeners, 3); // warm-up, not counted
            var after = await SettledWorkingSetAsync(webProcessId);
            var ids = await PublishAsync(http, frameData, listeners, Events);
            var delays = ids.SelectMany(id => listeners.Select(l => l.Delays[id])).Order().ToList();
            var p50 = LoadFigures.NearestRank(delays, 50);
            // One stream's share is below the noise of a process that has just warmed up; the baseline is for the delay.
            var perStream = baseline is null ? "-" : ((after - before) / 1024.0 / streams).ToString("0.0", CultureInfo.InvariantCulture);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{streams,8} {perStream,11} {p50,8:0.0} {LoadFigures.NearestRank(delays, 95),8:0.0} {delays[^1],8:0.0} {(baseline is { } b ? p50 / b : 1),9:0.0}x"
                + $"  working set {before / 1048576.0:0} → {after / 1048576.0:0} MiB"));
            return p50;
        }
        finally
        {
            listeners.ForEach(l => l.Dispose());
        }
    }

    /// <summary>Posts snapshots one at a time, each once every listener has the one before; returns their ids.</summary>
    private static async Task<List<string>> PublishAsync(HttpClient http, string frameData, List<StreamListener> listeners, int count)
    {
        var ids = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var posted = await http.PostAsync("/api/snapshots", new StringContent(
                $$"""{"timestamp":"{{DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture)}}","labels":["bench"],"frame_data":"{{frameData}}"}""", Encoding.UTF8, "application/json"));
            if (!posted.IsSuccessStatusCode) throw new InvalidOperationException($"POST /api/snapshots answered {(int)posted.StatusCode}: {await posted.Content.ReadAsStringAsync()}");
            var id = (string)JsonNode.Parse(await posted.Content.ReadAsStringAsync())!["id"]!;
            var deadline = Stopwatch.StartNew();
            while (listeners.Any(l => !l.Delays.ContainsKey(id)))
            {
                if (deadline.Elapsed > Patience)
                    throw new TimeoutException($"{listeners.Count(l => !l.Delays.ContainsKey(id))} of {listeners.Count} streams did not get snapshot {id} within {Patience.TotalSeconds} s.");
                await Task.Delay(5);
            }
            ids.Add(id);
        }
        return ids;
    }

    /// <summary>The web process's working set once it has stopped moving for a moment (the median of a few readings).</summary>
    private static async Task<long> SettledWorkingSetAsync(int processId)
    {
        var readings = new List<long>();
        for (var i = 0; i < 5; i++)
        {
            await Task.Delay(400);
            using var process = Process.GetProcessById(processId);
            readings.Add(process.WorkingSet64);
        }
        return readings.Order().ElementAt(readings.Count / 2);
    }
}
