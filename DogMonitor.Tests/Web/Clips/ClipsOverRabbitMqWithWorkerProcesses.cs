using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DogMonitor.Domain.Persistence;
using DogMonitor.Faults.Stack;
using DogMonitor.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static DogMonitor.Tests.Web.Clips.ClipPolling;

namespace DogMonitor.Tests.Web.Clips;

/// <summary>
/// Production as compose runs it: the web app queues over RabbitMQ into PostgreSQL and S3, one recorder keeps
/// the buffer, and clips are cut by DogMonitor.Worker processes, one of which is killed in the middle of a cut.
/// </summary>
public sealed class ClipsOverRabbitMqWithWorkerProcesses(ProductionEnvironment environment) : IClassFixture<ProductionEnvironment>
{
    [Fact]
    public async Task AClipSurvivesItsWorkerBeingKilledMidCutAndIsCutOnceToTheEnd()
    {
        await TestServices.RequireRabbitMqAsync();
        var root = Path.Combine(Path.GetTempPath(), "dogmonitor-tests", $"flow-{Guid.NewGuid():N}");
        var shared = WorkerProcesses.SharedSettings(root);
        var (web, pipeline) = await StartWebAsync("flow", shared);
        var client = web.CreateClient();
        var heard = new System.Collections.Concurrent.ConcurrentQueue<DogMonitor.Domain.Messages.ClipStatusChanged>();
        using var subscription = web.Services.GetRequiredService<DogMonitor.Web.Clips.ClipStatusFeed>()
            .Subscribe(change => { heard.Enqueue(change); return Task.CompletedTask; });

        using var recorder = await WorkerProcesses.StartRecorderAsync(pipeline, Path.Combine(root, "recorder"));
        await WorkerProcesses.WaitForBufferAsync(client, TimeSpan.FromSeconds(14));
        // The first worker encodes slowly, so its ffmpeg is still running when the test looks for it.
        await using var first = new HostProcess("worker-1", "DogMonitor.Worker", new Dictionary<string, string?>(WorkerProcesses.Cutter(pipeline, Path.Combine(root, "worker-1"))) { ["Ffmpeg:Preset"] = "veryslow" }, root, "Worker ready");
        await first.StartAsync();

        var created = await client.PostJsonAsync("/api/clips", new { start_ts = Iso(DateTime.UtcNow.AddSeconds(-14)), duration_ms = 12_000, labels = new[] { "fetch" } });
        Assert.Equal(HttpStatusCode.Accepted, created.StatusCode);
        var id = (string)(await created.ReadJsonAsync())["id"]!;
        await UntilProgressAsync(client, id, TimeSpan.FromSeconds(60));
        // Frozen mid-cut first, so however fast the machine, the kill lands in the middle of the cut.
        Assert.True(first.PauseCut(Guid.Parse(id)), $"the first worker was not cutting clip {id}; it said:\n{first.Recent}");
        await first.KillAsync();
        Assert.Equal("processing", (string?)(await (await client.GetAsync($"/api/clips/{id}")).ReadJsonAsync())["status"]);

        await using var replacement = new HostProcess("worker-2", "DogMonitor.Worker", WorkerProcesses.Cutter(pipeline, Path.Combine(root, "worker-2")), root, "Worker ready");
        await replacement.StartAsync();
        var clip = await UntilAsync(client, id, TimeSpan.FromSeconds(90), "ready", "failed");

        Assert.True((string?)clip["status"] == "ready", $"{clip.ToJsonString()}\n{replacement.Recent}");
        var probe = await FfprobeInfo.ProbeAsync(await environment.MediaClient(web).GetByteArrayAsync((string)clip["video_url"]!));
        Assert.InRange(probe.DurationSeconds, 12.0 - 0.04, 12.0 + 0.04);
        await using (var scope = web.Services.CreateAsyncScope())
        {
            var row = await scope.ServiceProvider.GetRequiredService<DogMonitorDbContext>().Clips.AsNoTracking().SingleAsync(c => c.Id == Guid.Parse(id));
            // The killed claim and the one that finished; no third cut.
            Assert.True(row.Attempts == 2, $"attempts {row.Attempts}; the first worker said:\n{first.Recent}\nthe replacement said:\n{replacement.Recent}");
        }
        var keys = (await AppEnvironment.ObjectKeysAsync(web)).Where(k => k.StartsWith($"clips/{Guid.Parse(id):N}/", StringComparison.Ordinal)).ToList();
        Assert.Equal(DogMonitor.Domain.Clips.ClipKeys.All(Guid.Parse(id)).Order(StringComparer.Ordinal), keys.Order(StringComparer.Ordinal));

        // The web process heard the worker process's events over RabbitMQ, as open pages will.
        var readyHeard = DateTime.UtcNow.AddSeconds(5);
        while (!heard.Any(c => c.ClipId == Guid.Parse(id) && c.Status == DogMonitor.Domain.Clips.ClipStatus.Ready) && DateTime.UtcNow < readyHeard) await Task.Delay(50);
        Assert.Contains(heard, c => c.ClipId == Guid.Parse(id) && c.Status == DogMonitor.Domain.Clips.ClipStatus.Ready);
        Assert.Contains(heard, c => c.ClipId == Guid.Parse(id) && c.Status == DogMonitor.Domain.Clips.ClipStatus.Processing && c.Progress > 0);

        // A snapshot taken on the server: the web app asks a worker over RabbitMQ for the frame.
        // A moment the buffer holds: on a busy machine the recorder can run behind the wall clock.
        var bufferLast = ((DateTime)(await client.GetFromJsonAsync<JsonArray>("/api/cameras"))![0]!["buffer_last"]!).ToUniversalTime();
        var snapshot = await client.PostJsonAsync("/api/snapshots", new { timestamp = Iso(bufferLast.AddSeconds(-3)) });
        Assert.True(snapshot.StatusCode == HttpStatusCode.Created, await snapshot.Content.ReadAsStringAsync());
        Assert.Equal(640, (int)(await snapshot.ReadJsonAsync())["width"]!);

        await recorder.StopAsync();
    }

    /// <summary>Waits until the clip is being cut (processing with progress above 0).</summary>
    [Fact]
    public async Task AWorkerStoppedMidCutHandsItsClipOnAtOnce()
    {
        await TestServices.RequireRabbitMqAsync();
        var root = Path.Combine(Path.GetTempPath(), "dogmonitor-tests", $"stop-{Guid.NewGuid():N}");
        var shared = WorkerProcesses.SharedSettings(root);
        // The sweeper would ask for a queued clip again only after ten minutes: ready sooner, the stopping worker handed it on.
        shared["Clips:QueuedRepublishAfter"] = "00:10:00";
        var (web, pipeline) = await StartWebAsync("stop", shared);
        var client = web.CreateClient();
        using var recorder = await WorkerProcesses.StartRecorderAsync(pipeline, Path.Combine(root, "recorder"));
        await WorkerProcesses.WaitForBufferAsync(client, TimeSpan.FromSeconds(10));
        await using var first = new HostProcess("worker-1", "DogMonitor.Worker", new Dictionary<string, string?>(WorkerProcesses.Cutter(pipeline, Path.Combine(root, "worker-1"))) { ["Ffmpeg:Preset"] = "veryslow" }, root, "Worker ready");
        await first.StartAsync();
        var created = await client.PostJsonAsync("/api/clips", new { start_ts = Iso(DateTime.UtcNow.AddSeconds(-10)), duration_ms = 6_000 });
        var id = (string)(await created.ReadJsonAsync())["id"]!;
        await UntilProgressAsync(client, id, TimeSpan.FromSeconds(60));
        // Held in the middle of its cut while the other worker starts: on a fast machine it would otherwise finish first.
        Assert.True(first.PauseCut(Guid.Parse(id)), $"the first worker was not cutting clip {id}; it said:\n{first.Recent}");
        await using var second = new HostProcess("worker-2", "DogMonitor.Worker", WorkerProcesses.Cutter(pipeline, Path.Combine(root, "worker-2")), root, "Worker ready");
        await second.StartAsync();

        await first.StopAsync(TimeSpan.FromSeconds(30)); // SIGTERM, as a deploy or `docker stop` does (the frozen ffmpeg is killed)

        var clip = await UntilAsync(client, id, TimeSpan.FromSeconds(90), "ready", "failed");
        Assert.True((string?)clip["status"] == "ready", $"{clip.ToJsonString()}\nthe stopped worker said:\n{first.Recent}\nthe other said:\n{second.Recent}");
        await using var scope = web.Services.CreateAsyncScope();
        var row = await scope.ServiceProvider.GetRequiredService<DogMonitorDbContext>().Clips.AsNoTracking().SingleAsync(c => c.Id == Guid.Parse(id));
        Assert.True(row.Attempts == 1, $"attempts {row.Attempts} (a stop is not a failed try); the stopped worker said:\n{first.Recent}");
        // Cut by the other worker, not finished by the stopping one. Its log line may follow the row by a moment (CI once read it too soon).
        for (var wait = 0; wait < 40 && !second.Recent.Contains($"Clip {id} ready", StringComparison.Ordinal); wait++) await Task.Delay(250);
        Assert.True(second.Recent.Contains($"Clip {id} ready", StringComparison.Ordinal), $"the other worker did not cut it; the stopped worker said:\n{first.Recent}\nthe other said:\n{second.Recent}");
        await recorder.StopAsync();
    }

    /// <summary>A web app that leaves the work to worker processes, and the settings those processes share with it.</summary>
    private async Task<(DogMonitorApp Web, Dictionary<string, string?> Pipeline)> StartWebAsync(string variant, Dictionary<string, string?> shared)
    {
        var web = await environment.StartAppAsync(variant, settings =>
        {
            foreach (var (key, value) in shared) settings[key] = value;
            settings["Worker:InProcess"] = "false";
        });
        var pipeline = new Dictionary<string, string?>(web.Settings);
        pipeline.Remove("Worker:InProcess");
        return (web, pipeline);
    }

    private static async Task UntilProgressAsync(HttpClient client, string id, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            var clip = await (await client.GetAsync($"/api/clips/{id}")).ReadJsonAsync();
            if ((string?)clip["status"] == "processing" && (int)clip["progress"]! > 0) return;
            Assert.True((string?)clip["status"] is "queued" or "processing", $"the clip left processing before the worker was killed: {clip.ToJsonString()}");
            await Task.Delay(200);
        }
        throw new TimeoutException($"Clip {id} showed no cutting progress within {timeout.TotalSeconds} s.");
    }
}
