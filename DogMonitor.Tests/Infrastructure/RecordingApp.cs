using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace DogMonitor.Tests.Infrastructure;

/// <summary>
/// The embedded default as a new user runs it: a real socket, the worker pipeline in-process and a synthetic
/// camera recording into the buffer. Waits until the buffer holds enough to cut from.
/// </summary>
public sealed class RecordingApp : IAsyncLifetime
{
    public const string CameraId = "test-pattern";
    private readonly EmbeddedEnvironment _environment = new();

    public DogMonitorApp App { get; private set; } = null!;
    public HttpClient Client { get; private set; } = null!;
    public int Port { get; } = FreePort.Next();
    public string BaseUrl => $"http://127.0.0.1:{Port}";

    public async ValueTask InitializeAsync()
    {
        await _environment.InitializeAsync();
        App = await _environment.StartAppAsync("recording", settings =>
        {
            settings["Recording:Enabled"] = "true";
            settings["Cameras:0:Id"] = CameraId;
            settings["Cameras:0:Source"] = "synthetic:640x360@25";
            settings["Clips:Heartbeat"] = "00:00:00.500";
            // The scene acts every 15 s: the sound tests need its bark.
            settings["Recording:SyntheticActivityEvery"] = "00:00:15";
        }, kestrelPort: Port);
        Client = new HttpClient { BaseAddress = new Uri(BaseUrl) }.WithKey(App.OwnerKey);
        await WaitForBufferAsync(TimeSpan.FromSeconds(12));
    }

    /// <summary>Waits until the camera's buffer spans at least <paramref name="span"/>; returns its last time.</summary>
    public async Task<DateTime> WaitForBufferAsync(TimeSpan span)
    {
        var deadline = DateTime.UtcNow + span + TimeSpan.FromSeconds(45);
        JsonNode? camera = null;
        while (DateTime.UtcNow < deadline)
        {
            var cameras = await Client.GetFromJsonAsync<JsonArray>("/api/cameras");
            camera = cameras!.FirstOrDefault(c => (string?)c!["id"] == CameraId);
            if (camera?["buffer_first"] is { } first && camera["buffer_last"] is { } last
                && (DateTime)last - (DateTime)first >= span)
                return ((DateTime)last).ToUniversalTime();
            await Task.Delay(500);
        }
        throw new InvalidOperationException($"The synthetic camera did not record {span.TotalSeconds} s within the time allowed (is ffmpeg installed? apt-get install ffmpeg). Its state: {camera}");
    }

    public async ValueTask DisposeAsync()
    {
        Client?.Dispose();
        await _environment.DisposeAsync();
    }
}
