using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;

namespace DogMonitor.Benchmarks;

/// <summary>
/// One client of <c>GET /api/events</c>, as a script holds it open: notes, for every <c>snapshot.created</c>, how long
/// after its publication (the event's <c>at</c>, stamped by the app as it publishes) it arrived here.
/// </summary>
public sealed class StreamListener : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly TaskCompletionSource _open = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Milliseconds from publication to arrival, by snapshot id.</summary>
    public ConcurrentDictionary<string, double> Delays { get; } = new();

    /// <summary>Answered with 200 and reading.</summary>
    public Task Open => _open.Task;

    public static StreamListener Start(HttpClient http)
    {
        var listener = new StreamListener();
        _ = listener.ListenAsync(http);
        return listener;
    }

    private async Task ListenAsync(HttpClient http)
    {
        try
        {
            using var response = await http.GetAsync("/api/events", HttpCompletionOption.ResponseHeadersRead, _stop.Token);
            response.EnsureSuccessStatusCode();
            using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(_stop.Token));
            _open.TrySetResult();
            string? type = null;
            while (await reader.ReadLineAsync(_stop.Token) is { } line)
            {
                if (line.StartsWith("event: ", StringComparison.Ordinal)) type = line[7..];
                else if (line.StartsWith("data: ", StringComparison.Ordinal) && type == "snapshot.created") Note(line[6..]);
                else if (line.Length == 0) type = null;
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or HttpRequestException or IOException)
        {
            _open.TrySetException(ex);
        }
    }

    private void Note(string data)
    {
        var arrived = DateTime.UtcNow;
        var json = JsonNode.Parse(data)!;
        var published = DateTime.Parse((string)json["at"]!, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
        Delays[(string)json["id"]!] = (arrived - published).TotalMilliseconds;
    }

    public void Dispose()
    {
        _stop.Cancel();
        _stop.Dispose();
    }
}
