using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace DogMonitor.Benchmarks;

/// <summary>What the app says a camera's recording buffer holds.</summary>
public static class CameraBuffer
{
    /// <summary>Waits until the buffer spans <paramref name="span"/>; returns its newest moment (UTC).</summary>
    public static async Task<DateTime> WaitForAsync(HttpClient http, string cameraId, TimeSpan span)
    {
        var deadline = DateTime.UtcNow + span + TimeSpan.FromMinutes(2);
        while (DateTime.UtcNow < deadline)
        {
            var camera = (await http.GetFromJsonAsync<JsonArray>("/api/cameras"))!.FirstOrDefault(c => (string?)c!["id"] == cameraId)
                ?? throw new InvalidOperationException($"The app has no camera '{cameraId}'.");
            if (camera["buffer_first"] is { } first && camera["buffer_last"] is { } last && (DateTime)last - (DateTime)first >= span)
                return ((DateTime)last).ToUniversalTime();
            await Task.Delay(1000);
        }
        throw new TimeoutException($"Camera '{cameraId}' did not record {span.TotalSeconds:0} s in time.");
    }
}
