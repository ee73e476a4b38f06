using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace DogMonitor.Tests.Infrastructure;

/// <summary>Small helpers for talking to the API the way a client would: JSON in, JSON out.</summary>
public static class ApiClient
{
    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string url, object body) =>
        client.PostAsync(url, Json(body));

    public static Task<HttpResponseMessage> PutJsonAsync(this HttpClient client, string url, object body) =>
        client.PutAsync(url, Json(body));

    private static StringContent Json(object body) => new(JsonSerializer.Serialize(body), System.Text.Encoding.UTF8, "application/json");

    public static async Task<JsonObject> ReadJsonAsync(this HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonNode>())!.AsObject();

    public static Dictionary<string, object?> SnapshotBody(byte[]? image = null, string? note = "Training session", string[]? labels = null, string timestamp = "2024-10-24T10:30:00Z") => new Dictionary<string, object?>
    {
        ["timestamp"] = timestamp,
        ["labels"] = labels ?? ["sitting", "good-boy"],
        ["note"] = note,
        ["frame_data"] = TestImages.DataUrl(image ?? TestImages.Jpeg(640, 360)),
    };

    /// <summary>Asserts an RFC 9457 answer with the given status and returns its body.</summary>
    public static async Task<JsonObject> AssertProblemAsync(this HttpResponseMessage response, int status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == status, $"Expected {status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(text)!.AsObject();
        Assert.Equal(status, (int)problem["status"]!);
        Assert.False(string.IsNullOrWhiteSpace((string?)problem["detail"]), $"A problem needs a detail a person can act on: {text}");
        return problem;
    }
}
