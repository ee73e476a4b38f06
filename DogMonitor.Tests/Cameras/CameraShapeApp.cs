using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DogMonitor.Tests.Infrastructure;

namespace DogMonitor.Tests.Cameras;

/// <summary>
/// The embedded app recording four real RTSP cameras (GStreamer's server) that send one kind of video, each with
/// another sound: none, G.711 A-law, G.711 µ-law, AAC. Waits until every buffer holds enough to cut from.
/// </summary>
public abstract class CameraShapeApp(TestVideo video) : IAsyncLifetime
{
    /// <summary>Enough buffer for a 3 s clip that starts a little after a 4 s key frame interval began.</summary>
    private static readonly TimeSpan Needed = TimeSpan.FromSeconds(10);

    private readonly EmbeddedEnvironment _environment = new();
    private readonly List<RtspTestServer> _cameras = [];

    public IReadOnlyList<StreamShape> Shapes { get; } = [.. Enum.GetValues<TestAudio>().Select(audio => new StreamShape(video, audio))];
    public DogMonitorApp App { get; private set; } = null!;
    public HttpClient Client { get; private set; } = null!;
    public int Port { get; } = FreePort.Next();
    public string BaseUrl => $"http://127.0.0.1:{Port}";

    /// <summary>The camera id a shape is recorded under: its name, in the characters camera ids allow.</summary>
    public static string CameraId(StreamShape shape) => shape.Name.Replace('+', '-');

    public async ValueTask InitializeAsync()
    {
        foreach (var shape in Shapes) _cameras.Add(await RtspTestServer.StartAsync(launch: shape.Launch));
        await _environment.InitializeAsync();
        App = await _environment.StartAppAsync($"shapes-{video}", settings =>
        {
            settings["Recording:Enabled"] = "true";
            settings["Clips:Heartbeat"] = "00:00:00.500";
            for (var i = 0; i < Shapes.Count; i++)
            {
                settings[$"Cameras:{i}:Id"] = CameraId(Shapes[i]);
                settings[$"Cameras:{i}:Source"] = _cameras[i].Url();
            }
        }, kestrelPort: Port);
        Client = new HttpClient { BaseAddress = new Uri(BaseUrl) }.WithKey(App.OwnerKey);
        foreach (var shape in Shapes) await WaitForBufferAsync(shape);
    }

    /// <summary>The camera's entry in GET /api/cameras.</summary>
    public async Task<JsonObject> CameraAsync(StreamShape shape)
    {
        var cameras = await Client.GetFromJsonAsync<JsonArray>("/api/cameras");
        return cameras!.Single(c => (string?)c!["id"] == CameraId(shape))!.AsObject();
    }

    private async Task WaitForBufferAsync(StreamShape shape)
    {
        var deadline = DateTime.UtcNow + Needed + TimeSpan.FromSeconds(45);
        JsonObject? camera = null;
        while (DateTime.UtcNow < deadline)
        {
            camera = await CameraAsync(shape);
            if (camera["buffer_first"] is { } first && camera["buffer_last"] is { } last && (DateTime)last - (DateTime)first >= Needed) return;
            await Task.Delay(500);
        }
        var server = _cameras[Shapes.ToList().IndexOf(shape)];
        throw new InvalidOperationException($"The {shape} camera did not record {Needed.TotalSeconds} s in time. Its state: {camera}. Its server said: {server.Output}");
    }

    public async ValueTask DisposeAsync()
    {
        Client?.Dispose();
        await _environment.DisposeAsync();
        foreach (var camera in _cameras) await camera.DisposeAsync();
    }
}

public sealed class H264BaselineCameras() : CameraShapeApp(TestVideo.H264Baseline);

public sealed class H264BFrameCameras() : CameraShapeApp(TestVideo.H264BFrames);

public sealed class H265Cameras() : CameraShapeApp(TestVideo.H265BFrames);

/// <summary>
/// One camera app at a time, and nothing else beside it: this machine encodes every test camera's stream itself (four
/// x265 encoders and their H.264 encodings for the H.265 app), and a stall would look like a camera fault.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class CameraShapesCollection
{
    public const string Name = "camera shapes";
}
