using System.Net;
using DogMonitor.Domain.Clips;
using DogMonitor.Domain.Storage;
using DogMonitor.Faults.Stack;
using DogMonitor.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static DogMonitor.Tests.Web.Clips.ClipPolling;

namespace DogMonitor.Tests.Web.Clips.Trim;

/// <summary>
/// Production as compose runs it: the web app queues a replacing trim over RabbitMQ into PostgreSQL and S3, and a
/// DogMonitor.Worker process, which has no recording buffer at all, cuts it from the clip's video in S3 and retires the
/// old clip; the share link sent before plays the trim.
/// </summary>
public sealed class TrimOverRabbitMqWithAWorkerProcess(ProductionEnvironment environment) : IClassFixture<ProductionEnvironment>
{
    [Fact]
    public async Task AWorkerProcessCutsAReplacingTrim_AndTheShareLinkSentBeforePlaysIt()
    {
        await TestServices.RequireRabbitMqAsync();
        var root = Path.Combine(Path.GetTempPath(), "dogmonitor-tests", $"trim-{Guid.NewGuid():N}");
        var web = await environment.StartAppAsync("trim", settings =>
        {
            foreach (var (key, value) in WorkerProcesses.BrokerSettings()) settings[key] = value;
            settings["Worker:InProcess"] = "false";
        });
        var worker = WorkerProcesses.Cutter(new Dictionary<string, string?>(web.Settings), Path.Combine(root, "worker"));
        worker.Remove("Worker:InProcess");
        await using var process = new HostProcess("worker", "DogMonitor.Worker", worker, root, "Worker ready");
        await process.StartAsync();
        var client = web.CreateClient();
        var source = await SourceClips.AddAsync(web, seconds: 8, labels: ["fetch"], note: "the good part is in the middle");
        var shared = await (await client.PostJsonAsync($"/api/clips/{source.Id}/share", new { })).ReadJsonAsync();
        var token = new Uri((string)shared["url"]!).AbsolutePath.Split('/')[^1];

        var response = await client.PostJsonAsync($"/api/clips/{source.Id}/trim", new { start_ms = 2000, end_ms = 6000, replace = true });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var id = Guid.Parse((string)(await response.ReadJsonAsync())["id"]!);
        var clip = await UntilAsync(client, id.ToString(), TimeSpan.FromSeconds(90), "ready", "failed");

        Assert.True((string?)clip["status"] == "ready", $"{clip.ToJsonString()}\n{process.Recent}");
        Assert.Equal(("fetch", "the good part is in the middle"), ((string?)clip["labels"]![0], (string?)clip["note"]));
        await (await client.GetAsync($"/api/clips/{source.Id}")).AssertProblemAsync(404);
        var redirect = await web.CreateAnonymousClient().GetAsync($"/s/{token}/video");
        Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
        var media = environment.MediaClient(web);
        var played = await FfprobeInfo.ProbeAsync(await media.GetByteArrayAsync(redirect.Headers.Location));
        Assert.InRange(played.DurationSeconds, 4.0 - 0.04, 4.0 + 0.04);
        var sprite = await FfprobeInfo.ProbeAsync(await media.GetByteArrayAsync((string)clip["preview_sprite_url"]!));
        Assert.Equal(("mjpeg", 1600, 90), (sprite.Codec, sprite.Width, sprite.Height));
        var store = web.Services.GetRequiredService<IMediaStore>();
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while ((await store.ListAsync($"clips/{source.Id:N}/", CancellationToken.None)).Count > 0 && DateTime.UtcNow < deadline) await Task.Delay(200);
        Assert.Empty(await store.ListAsync($"clips/{source.Id:N}/", CancellationToken.None));
        Assert.Equal(ClipKeys.All(id).Order(StringComparer.Ordinal), (await store.ListAsync($"clips/{id:N}/", CancellationToken.None)).Select(o => o.Key));
    }
}
