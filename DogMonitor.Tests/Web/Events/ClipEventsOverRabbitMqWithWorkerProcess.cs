using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DogMonitor.Faults.Stack;
using DogMonitor.Tests.Infrastructure;
using static DogMonitor.Tests.Web.Clips.ClipPolling;

namespace DogMonitor.Tests.Web.Events;

/// <summary>
/// Production as compose runs it, with two web replicas: PostgreSQL, S3 and RabbitMQ, a recorder, and the clip cut by a
/// DogMonitor.Worker process. The worker's events reach both replicas' clients, in order and under the same ids, so a
/// client that reconnects to the other replica resumes where it was.
/// </summary>
public sealed class ClipEventsOverRabbitMqWithWorkerProcess(ProductionEnvironment environment) : IClassFixture<ProductionEnvironment>
{
    [Fact]
    public async Task AWorkerProcesssEventsReachEveryReplicaInOrderUnderTheSameIds_AndAClientResumesOnAnother()
    {
        await TestServices.RequireRabbitMqAsync();
        var root = Path.Combine(Path.GetTempPath(), "dogmonitor-tests", $"events-{Guid.NewGuid():N}");
        var shared = WorkerProcesses.SharedSettings(root);
        var (port, replicaPort) = (FreePort.Next(), FreePort.Next());
        var web = await environment.StartAppAsync("events", settings => WebSettings(settings, shared), kestrelPort: port);
        var replica = await environment.StartAppAsync("events-replica", settings =>
        {
            WebSettings(settings, shared);
            settings["Database:ConnectionString"] = web.Settings["Database:ConnectionString"];
            settings["Storage:S3:Bucket"] = web.Settings["Storage:S3:Bucket"];
        }, kestrelPort: replicaPort);
        var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") }.WithKey(web.OwnerKey);
        var replicaClient = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{replicaPort}") }.WithKey(replica.OwnerKey);
        var pipeline = new Dictionary<string, string?>(web.Settings);
        pipeline.Remove("Worker:InProcess");
        using var recorder = await WorkerProcesses.StartRecorderAsync(pipeline, Path.Combine(root, "recorder"));
        await WorkerProcesses.WaitForBufferAsync(client, TimeSpan.FromSeconds(6));
        // Encoding slowly, the worker reports progress (every second) before the clip is ready.
        await using var worker = new HostProcess("worker", "DogMonitor.Worker",
            new Dictionary<string, string?>(WorkerProcesses.Cutter(pipeline, Path.Combine(root, "worker"))) { ["Ffmpeg:Preset"] = "veryslow" }, root, "Worker ready");
        await worker.StartAsync();
        using var stream = await EventStreamReader.OpenAsync(client, "/api/events");
        await using var socket = await EventSocket.ConnectAsync(replicaClient.BaseAddress!.ToString().TrimEnd('/'), replica.OwnerKey);

        // A moment the buffer holds: on a busy machine the recorder can run behind the wall clock.
        var bufferLast = ((DateTime)(await client.GetFromJsonAsync<JsonArray>("/api/cameras"))![0]!["buffer_last"]!).ToUniversalTime();
        var created = await client.PostJsonAsync("/api/clips", new { start_ts = Iso(bufferLast.AddSeconds(-5)), duration_ms = 4000, labels = new[] { "events" } });
        Assert.Equal(HttpStatusCode.Accepted, created.StatusCode);
        var id = (string)(await created.ReadJsonAsync())["id"]!;

        var heard = await stream.UntilClipEndsAsync(id);
        var progress = EventSources.AssertQueuedProcessingReady(heard, id);
        Assert.True(progress.Any(p => p > 0), $"the worker's progress was heard: {string.Join(", ", heard)}\n{worker.Recent}");
        var onReplica = await socket.UntilClipEndsAsync(id);
        Assert.Equal(Shape(heard), Shape(onReplica));

        // The client drops its stream after the first event and comes back through the other replica.
        using var resumed = await EventStreamReader.OpenAsync(replicaClient, "/api/events", lastEventId: heard[0].Id);
        var rest = new List<ServerSentEvent>();
        while (rest.Count < heard.Count - 1) rest.Add((await resumed.NextAsync())!);
        Assert.Equal(Shape(heard.Skip(1)), Shape(rest));

        await recorder.StopAsync();
    }

    private static void WebSettings(Dictionary<string, string?> settings, Dictionary<string, string?> shared)
    {
        foreach (var (key, value) in shared) settings[key] = value;
        settings["Worker:InProcess"] = "false";
    }

    private static List<(string?, string, string)> Shape(IEnumerable<ServerSentEvent> events) => [.. events.Select(e => (e.Id, e.Type, e.Data.ToJsonString()))];
}
