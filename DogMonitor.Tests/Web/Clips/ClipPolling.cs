using System.Text.Json.Nodes;
using DogMonitor.Tests.Infrastructure;

namespace DogMonitor.Tests.Web.Clips;

internal static class ClipPolling
{
    /// <summary>Polls a clip until it reaches one of <paramref name="states"/>; fails with its last state otherwise.</summary>
    public static async Task<JsonObject> UntilAsync(HttpClient client, string id, TimeSpan timeout, params string[] states)
    {
        var deadline = DateTime.UtcNow + timeout;
        JsonObject? clip = null;
        while (DateTime.UtcNow < deadline)
        {
            clip = await (await client.GetAsync($"/api/clips/{id}")).ReadJsonAsync();
            if (states.Contains((string?)clip["status"])) return clip;
            await Task.Delay(200);
        }
        throw new TimeoutException($"Clip {id} did not become {string.Join(" or ", states)} within {timeout.TotalSeconds} s; last: {clip?.ToJsonString()}");
    }

    public static string Iso(DateTime time) => time.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ss.fffZ", System.Globalization.CultureInfo.InvariantCulture);
}
