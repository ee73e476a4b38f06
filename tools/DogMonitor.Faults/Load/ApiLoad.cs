using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace DogMonitor.Faults.Load;

/// <summary>
/// Requests as the live page and scripts make them, each written to the <see cref="Ledger"/>: clips of the last seconds
/// of the recording, snapshots sent as images (as the live page's Snapshot button does) and taken on the server from the
/// recording, and deletes.
/// </summary>
public sealed class ApiLoad(HttpClient client, Ledger ledger, byte[] jpeg)
{
    private readonly string _frame = "data:image/jpeg;base64," + Convert.ToBase64String(jpeg);

    /// <summary>A 4-second clip that ended 4 s ago: the recorder has written it, or is about to.</summary>
    public Task<Attempt> ClipAsync(string phase) => SendAsync(phase, AttemptKind.Clip, () => client.PostAsJsonAsync("/api/clips", new
    {
        start_ts = Iso(DateTime.UtcNow.AddSeconds(-8)),
        duration_ms = 4000,
        labels = new[] { "faults" },
    }));

    /// <summary>A snapshot: every other one carries its image, the others are taken from the recording by a worker.</summary>
    public Task<Attempt> SnapshotAsync(string phase, bool withImage) => SendAsync(phase, AttemptKind.Snapshot, () => client.PostAsJsonAsync("/api/snapshots",
        withImage
            ? new { timestamp = Iso(DateTime.UtcNow), frame_data = (string?)_frame, labels = new[] { "faults" } }
            : new { timestamp = Iso(DateTime.UtcNow.AddSeconds(-6)), frame_data = (string?)null, labels = new[] { "faults" } }));

    public Task<Attempt> DeleteAsync(string phase, string noun, Guid id) =>
        SendAsync(phase, AttemptKind.Delete, () => client.DeleteAsync($"/api/{noun}s/{id}"), id);

    /// <summary>Steady load until cancelled: a clip every <paramref name="clipEvery"/>, a snapshot every <paramref name="snapshotEvery"/>.</summary>
    public async Task RunSteadyAsync(string phase, TimeSpan clipEvery, TimeSpan snapshotEvery, CancellationToken stop)
    {
        var running = new System.Collections.Concurrent.ConcurrentBag<Task>();
        async Task Every(TimeSpan interval, Func<int, Task> send)
        {
            using var timer = new PeriodicTimer(interval);
            var n = 0;
            try
            {
                do running.Add(send(n++)); // not awaited: a slow answer must not slow the load
                while (await timer.WaitForNextTickAsync(stop));
            }
            catch (OperationCanceledException) { }
        }
        await Task.WhenAll(Every(clipEvery, _ => ClipAsync(phase)), Every(snapshotEvery, n => SnapshotAsync(phase, withImage: n % 2 == 0)));
        await Task.WhenAll(running);
    }

    private async Task<Attempt> SendAsync(string phase, AttemptKind kind, Func<Task<HttpResponseMessage>> send, Guid? deleting = null)
    {
        var at = DateTime.UtcNow;
        Attempt attempt;
        try
        {
            using var response = await send();
            var body = await response.Content.ReadAsStringAsync();
            var status = (int)response.StatusCode;
            Guid? id = deleting;
            string? detail = null;
            if (response.IsSuccessStatusCode && deleting is null) id = Guid.Parse((string)JsonNode.Parse(body)!["id"]!);
            else if (!response.IsSuccessStatusCode) detail = Detail(body);
            attempt = new Attempt(phase, kind, at, status, id, detail);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException)
        {
            attempt = new Attempt(phase, kind, at, 0, deleting, ex is TaskCanceledException ? "no answer in time" : "no answer: " + ex.Message);
        }
        ledger.Add(attempt);
        return attempt;
    }

    private static string Detail(string body)
    {
        try { return (string?)JsonNode.Parse(body)?["detail"] ?? (string?)JsonNode.Parse(body)?["title"] ?? body; }
        catch (System.Text.Json.JsonException) { return body.Length > 120 ? body[..120] : body; }
    }

    private static string Iso(DateTime utc) => utc.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);
}
