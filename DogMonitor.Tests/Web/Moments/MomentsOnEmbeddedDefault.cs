using System.Net;
using System.Text.Json.Nodes;
using DogMonitor.Tests.Infrastructure;
using static DogMonitor.Tests.Web.Clips.ClipPolling;

namespace DogMonitor.Tests.Web.Moments;

/// <summary>
/// The synthetic camera's scripted activity, noticed by the recorder's own ffmpeg and kept as moments with clips cut by
/// the worker, on the embedded default; then the API a person uses on them.
/// </summary>
public sealed class MomentsOnEmbeddedDefault(EmbeddedEnvironment environment) : IClassFixture<EmbeddedEnvironment>
{
    // The script: a shape runs across the floor from 5 s to 9 s of every 20, a bark sounds from 15 s to 16.5 s.
    private static readonly TimeSpan Every = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task TheScenesRunsAndBarks_AreMomentsOfTheirKindAtTheirTimes_EachCutWithItsPreAndPostRoll()
    {
        var app = await StartAsync();
        var client = app.CreateClient();

        var moments = await UntilMomentsAsync(client, 3, TimeSpan.FromSeconds(90));

        // Oldest first: the first run, the first bark, the second run; nothing else noticed (the scene is still between).
        var (run, bark, again) = (moments[0], moments[1], moments[2]);
        Assert.Equal(["motion"], Kinds(run));
        Assert.Equal(["sound"], Kinds(bark));
        Assert.Equal(["motion"], Kinds(again));
        Assert.InRange(Start(again) - Start(run), Every - TimeSpan.FromSeconds(0.5), Every + TimeSpan.FromSeconds(0.5));
        Assert.InRange(Start(bark) - Start(run), TimeSpan.FromSeconds(9.3), TimeSpan.FromSeconds(10.7));
        Assert.InRange(End(run) - Start(run), TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(4.4));
        Assert.InRange(End(bark) - Start(bark), TimeSpan.FromSeconds(1.2), TimeSpan.FromSeconds(1.7));
        Assert.InRange((double)run["peak_motion"]!, 0.005, 0.2);
        Assert.InRange((double)bark["peak_sound_dbfs"]!, -14.0, -6.0);

        // Each kept as a clip from 2 s before to 2 s after, cut like any clip, and not among the owner's own clips.
        var clip = await ClipOfAsync(client, (string)run["id"]!, TimeSpan.FromSeconds(60));
        Assert.Equal("ready", (string?)clip["status"]);
        Assert.Equal(Start(run) - TimeSpan.FromSeconds(2), ((DateTime)clip["start_ts"]!).ToUniversalTime());
        var probe = await FfprobeInfo.ProbeAsync(await environment.MediaClient(app).GetByteArrayAsync((string)clip["video_url"]!));
        Assert.InRange(probe.DurationSeconds, (End(run) - Start(run)).TotalSeconds + 4 - 0.11, (End(run) - Start(run)).TotalSeconds + 4 + 0.11);
        var own = await (await client.GetAsync("/api/clips")).ReadJsonAsync();
        Assert.DoesNotContain(own["items"]!.AsArray(), c => (string?)c!["id"] == (string?)clip["id"]);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/clips/{clip["id"]}")).StatusCode);

        // Filters: by kind, and by whether this person reviewed it.
        var sounds = await (await client.GetAsync("/api/moments?kind=sound")).ReadJsonAsync();
        Assert.All(sounds["items"]!.AsArray(), m => Assert.Equal(["sound"], Kinds(m!.AsObject())));
        var reviewed = await (await client.PostAsync($"/api/moments/{run["id"]}/reviewed", null)).ReadJsonAsync();
        Assert.True((bool)reviewed["reviewed"]!);
        var unreviewed = await (await client.GetAsync("/api/moments?reviewed=false&limit=100")).ReadJsonAsync();
        Assert.DoesNotContain(unreviewed["items"]!.AsArray(), m => (string?)m!["id"] == (string?)run["id"]);
        Assert.True((bool)(await (await client.GetAsync($"/api/moments/{run["id"]}")).ReadJsonAsync())["reviewed"]!);

        // Keep: a copy among the owner's own clips, labelled with the kind, cut from the moment's video.
        var kept = await client.PostAsync($"/api/moments/{run["id"]}/keep", null);
        Assert.Equal(HttpStatusCode.Accepted, kept.StatusCode);
        var copy = await UntilAsync(client, (string)(await kept.ReadJsonAsync())["id"]!, TimeSpan.FromSeconds(60), "ready", "failed");
        Assert.True((string?)copy["status"] == "ready", copy.ToJsonString());
        Assert.Equal(["motion"], copy["labels"]!.AsArray().Select(l => (string)l!));
        Assert.InRange((int)copy["duration_ms"]!, (int)clip["duration_ms"]! - 40, (int)clip["duration_ms"]! + 40);
    }

    [Fact]
    public async Task BadFiltersAndIdsAreProblems()
    {
        var client = environment.App.CreateClient();

        foreach (var (query, field) in new[] { ("kind=barking", "kind"), ("reviewed=maybe", "reviewed"), ("cursor=nonsense", "cursor"), ("from=yesterday", "from") })
        {
            var problem = await (await client.GetAsync($"/api/moments?{query}")).AssertProblemAsync(400);
            Assert.True(problem["errors"]?[field] is not null, $"{query}: {problem.ToJsonString()}");
        }
        await (await client.GetAsync("/api/moments/not-a-guid")).AssertProblemAsync(400);
        await (await client.GetAsync($"/api/moments/{Guid.CreateVersion7()}")).AssertProblemAsync(404);
        await (await client.PostAsync($"/api/moments/{Guid.CreateVersion7()}/keep", null)).AssertProblemAsync(404);
    }

    private Task<DogMonitorApp> StartAsync() => environment.StartAppAsync("moments", settings =>
    {
        settings["Recording:Enabled"] = "true";
        settings["Recording:DetectActivity"] = "true";
        settings["Recording:SyntheticActivityEvery"] = "00:00:20";
        settings["Cameras:0:Id"] = "test-pattern";
        settings["Cameras:0:Source"] = "synthetic:320x180@10";
        settings["Cameras:0:Activity:Moments:MergeGap"] = "00:00:03";
        settings["Cameras:0:Activity:Moments:PreRoll"] = "00:00:02";
        settings["Cameras:0:Activity:Moments:PostRoll"] = "00:00:02";
    });

    /// <summary>Waits until at least <paramref name="count"/> moments are listed; returns them oldest first.</summary>
    private static async Task<List<JsonObject>> UntilMomentsAsync(HttpClient client, int count, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        List<JsonObject> items = [];
        while (DateTime.UtcNow < deadline)
        {
            var page = await (await client.GetAsync("/api/moments?limit=50")).ReadJsonAsync();
            items = [.. page["items"]!.AsArray().Select(m => m!.AsObject()).Reverse()];
            if (items.Count >= count) return items;
            await Task.Delay(500);
        }
        throw new TimeoutException($"{items.Count} moments within {timeout.TotalSeconds} s, {count} expected: {string.Join(", ", items.Select(m => m.ToJsonString()))}");
    }

    /// <summary>The moment's clip once ready or failed.</summary>
    private static async Task<JsonObject> ClipOfAsync(HttpClient client, string momentId, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        JsonObject clip = [];
        while (DateTime.UtcNow < deadline)
        {
            clip = (await (await client.GetAsync($"/api/moments/{momentId}")).ReadJsonAsync())["clip"]!.AsObject();
            if ((string?)clip["status"] is "ready" or "failed") return clip;
            await Task.Delay(300);
        }
        throw new TimeoutException($"The clip of moment {momentId} is not cut within {timeout.TotalSeconds} s: {clip.ToJsonString()}");
    }

    private static string[] Kinds(JsonObject moment) => [.. moment["kinds"]!.AsArray().Select(k => (string)k!)];

    private static DateTime Start(JsonObject moment) => ((DateTime)moment["start_ts"]!).ToUniversalTime();

    private static DateTime End(JsonObject moment) => ((DateTime)moment["end_ts"]!).ToUniversalTime();
}
