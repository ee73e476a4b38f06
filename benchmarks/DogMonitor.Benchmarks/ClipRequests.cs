using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace DogMonitor.Benchmarks;

/// <summary>Asks the app for a clip and reads it back, as any API client does.</summary>
public static class ClipRequests
{
    /// <summary>Queues a clip; returns its id.</summary>
    public static async Task<string> QueueAsync(HttpClient http, string cameraId, DateTime start, int seconds, string mode)
    {
        var created = await http.PostAsJsonAsync("/api/clips", new Dictionary<string, object>
        {
            ["start_ts"] = start.ToString("O", CultureInfo.InvariantCulture), ["duration_ms"] = seconds * 1000, ["camera_id"] = cameraId, ["mode"] = mode,
        });
        if (!created.IsSuccessStatusCode)
            throw new InvalidOperationException($"POST /api/clips answered {(int)created.StatusCode}: {await created.Content.ReadAsStringAsync()}");
        return (string)(await created.Content.ReadFromJsonAsync<JsonNode>())!["id"]!;
    }

    /// <summary>The clip once it is ready, or null while it is queued or being cut; throws when it failed.</summary>
    public static async Task<JsonNode?> ReadyAsync(HttpClient http, string id)
    {
        var clip = (await http.GetFromJsonAsync<JsonNode>($"/api/clips/{id}"))!;
        return (string?)clip["status"] switch
        {
            "ready" => clip,
            "failed" => throw new InvalidOperationException($"Clip {id} failed: {clip["error"]}"),
            _ => null,
        };
    }
}
