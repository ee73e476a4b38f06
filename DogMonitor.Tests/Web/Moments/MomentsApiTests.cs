using System.Net.Http.Json;
using System.Net;
using System.Text.Json.Nodes;
using DogMonitor.Domain.Activity;
using DogMonitor.Domain.Moments;
using DogMonitor.Domain.Persistence;
using DogMonitor.Domain.Storage;
using DogMonitor.Tests.Infrastructure;
using DogMonitor.Tests.Web.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DogMonitor.Tests.Web.Moments;

/// <summary>
/// The moments API on SQLite and on PostgreSQL: a moment belongs to its camera, so each person sees the moments of the
/// cameras granted to them and no others; reviewed is each person's own; keeping copies into the keeper's clips only;
/// listings are newest first, keyset-paged, filtered by camera, kind, time and review.
/// </summary>
public abstract class MomentsApiTests(AppEnvironment environment)
{
    private static readonly DateTime T = new(2026, 12, 3, 9, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task EachPersonSeesTheMomentsOfTheirCameras_ReviewsForThemselves_AndKeepsIntoTheirOwnClips()
    {
        var app = await StartAsync("grants");
        var kitchen = await StoredMoments.AddAsync(app, T, cameraId: "test-pattern");
        var yard = await StoredMoments.AddAsync(app, T.AddMinutes(1), ActivityKinds.Sound, cameraId: "yard");
        var member = await TestAccounts.CreateUserAsync(app.Services, "member@dogmonitor.test", cameras: ["yard"]);
        var stranger = await TestAccounts.CreateUserAsync(app.Services, "stranger@dogmonitor.test");
        var owner = app.CreateClient();
        var memberClient = app.CreateClient().WithKey(member.Key);
        var strangerClient = app.CreateClient().WithKey(stranger.Key);

        Assert.Equal([yard.Id, kitchen.Id], await IdsAsync(owner, "")); // an admin sees every camera's
        Assert.Equal([yard.Id], await IdsAsync(memberClient, ""));
        Assert.Empty(await IdsAsync(strangerClient, ""));
        // Another camera's moment is as if it did not exist, for reading, reviewing and keeping alike.
        await (await memberClient.GetAsync($"/api/moments/{kitchen.Id}")).AssertProblemAsync(404);
        await (await memberClient.PostAsync($"/api/moments/{kitchen.Id}/reviewed", null)).AssertProblemAsync(404);
        await (await memberClient.PostAsync($"/api/moments/{kitchen.Id}/keep", null)).AssertProblemAsync(404);
        var seen = await (await memberClient.GetAsync($"/api/moments/{yard.Id}")).ReadJsonAsync();
        Assert.Equal(("yard", "Yard", false), ((string?)seen["camera_id"], (string?)seen["camera_name"], (bool)seen["reviewed"]!));
        Assert.Equal(["sound"], seen["kinds"]!.AsArray().Select(k => (string)k!));
        Assert.Equal(-9.5, (double)seen["peak_sound_dbfs"]!);
        Assert.Equal(3000, (int)seen["duration_ms"]!);
        Assert.Equal("ready", (string?)seen["clip"]!["status"]);

        // Reviewed by the member: not by the owner.
        Assert.True((bool)(await (await memberClient.PostAsync($"/api/moments/{yard.Id}/reviewed", null)).ReadJsonAsync())["reviewed"]!);
        Assert.True((bool)(await (await memberClient.PostAsync($"/api/moments/{yard.Id}/reviewed", null)).ReadJsonAsync())["reviewed"]!); // again is fine
        Assert.Empty(await IdsAsync(memberClient, "reviewed=false"));
        Assert.Equal([yard.Id], await IdsAsync(memberClient, "reviewed=true"));
        Assert.Equal([yard.Id, kitchen.Id], await IdsAsync(owner, "reviewed=false"));

        // Kept by the member: a copy among the member's clips, labelled by its kind; the owner's clips are untouched.
        var kept = await memberClient.PostAsync($"/api/moments/{yard.Id}/keep", null);
        Assert.Equal(HttpStatusCode.Accepted, kept.StatusCode);
        var copy = await kept.ReadJsonAsync();
        Assert.Equal((yard.ClipId, "yard", 5000), (Guid.Parse((string)copy["source_clip_id"]!), (string?)copy["camera_id"], (int)copy["duration_ms"]!));
        Assert.Equal(["sound"], copy["labels"]!.AsArray().Select(l => (string)l!));
        Assert.Contains((await (await memberClient.GetAsync("/api/clips")).ReadJsonAsync())["items"]!.AsArray(), c => (string?)c!["id"] == (string?)copy["id"]);
        Assert.Empty((await (await owner.GetAsync("/api/clips")).ReadJsonAsync())["items"]!.AsArray());

        // A deleted account's reviews go with it.
        Assert.Equal(HttpStatusCode.NoContent, (await owner.DeleteAsync($"/api/users/{member.Id}")).StatusCode);
        await using var scope = app.Services.CreateAsyncScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<DogMonitorDbContext>().MomentReviews.AnyAsync(r => r.UserId == member.Id));
    }

    [Fact]
    public async Task ListingsAreNewestFirst_KeysetPaged_AndFilteredByCameraKindAndTime()
    {
        var app = await StartAsync("paging");
        var ids = new List<Guid>();
        for (var i = 0; i < 5; i++)
            ids.Add((await StoredMoments.AddAsync(app, T.AddMinutes(i), i % 2 == 0 ? ActivityKinds.Motion : ActivityKinds.Sound, cameraId: i < 4 ? "test-pattern" : "yard")).Id);
        var both = (await StoredMoments.AddAsync(app, T.AddMinutes(10), ActivityKinds.Motion | ActivityKinds.Sound)).Id;
        var client = app.CreateClient();

        var pages = new List<Guid>();
        string? cursor = null;
        do
        {
            var page = await (await client.GetAsync($"/api/moments?limit=2{(cursor is null ? "" : $"&cursor={cursor}")}")).ReadJsonAsync();
            Assert.InRange(page["items"]!.AsArray().Count, 1, 2);
            pages.AddRange(page["items"]!.AsArray().Select(m => Guid.Parse((string)m!["id"]!)));
            cursor = (string?)page["next_cursor"];
        }
        while (cursor is not null);
        Assert.Equal([both, .. Enumerable.Reverse(ids)], pages);

        Assert.Equal([both, ids[3], ids[1]], await IdsAsync(client, "kind=sound"));
        Assert.Equal([both, ids[2], ids[0]], await IdsAsync(client, "kind=motion&camera_id=test-pattern"));
        Assert.Equal([ids[4]], await IdsAsync(client, "camera_id=yard"));
        Assert.Equal([ids[2], ids[1]], await IdsAsync(client, $"from={T.AddMinutes(1):O}&to={T.AddMinutes(3):O}"));
    }

    [Fact]
    public async Task MomentsOlderThanTheirKeepingTime_GoWithTheirClipsAndMedia_WhileCopiesPeopleKeptStay()
    {
        var app = await StartAsync("retention");
        var now = DateTime.UtcNow;
        var old = await StoredMoments.AddAsync(app, now.AddDays(-31));
        var young = await StoredMoments.AddAsync(app, now.AddDays(-29));
        var client = app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync($"/api/moments/{old.Id}/reviewed", null)).StatusCode);
        var kept = await (await client.PostAsync($"/api/moments/{old.Id}/keep", null)).ReadJsonAsync();
        await using (var scope = app.Services.CreateAsyncScope())
            Assert.Equal(2, (await scope.ServiceProvider.GetRequiredService<IMediaStore>().ListAsync($"clips/{old.ClipId:N}/", CancellationToken.None)).Count);

        // The copy is cut from the moment's own video: while it waits for a worker (none runs in this suite), the moment stays.
        Assert.Equal(0, await RunRetentionAsync(app));
        await using (var scope = app.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<DogMonitorDbContext>().Clips.Where(c => c.Id == Guid.Parse((string)kept["id"]!))
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.Status, DogMonitor.Domain.Clips.ClipStatus.Failed), TestContext.Current.CancellationToken);
        Assert.Equal(1, await RunRetentionAsync(app));

        await (await client.GetAsync($"/api/moments/{old.Id}")).AssertProblemAsync(404);
        Assert.Equal([young.Id], await IdsAsync(client, ""));
        await using var check = app.Services.CreateAsyncScope();
        var db = check.ServiceProvider.GetRequiredService<DogMonitorDbContext>();
        Assert.False(await db.Clips.AnyAsync(c => c.Id == old.ClipId));
        Assert.False(await db.MomentReviews.AnyAsync(r => r.MomentId == old.Id));
        Assert.Empty(await check.ServiceProvider.GetRequiredService<IMediaStore>().ListAsync($"clips/{old.ClipId:N}/", CancellationToken.None));
        // The copy is the keeper's own clip: it stays.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/clips/{(string?)kept["id"]}")).StatusCode);
    }

    /// <summary>The stream's events until <paramref name="done"/> says enough were heard.</summary>
    private static async Task<List<ServerSentEvent>> CollectAsync(IEventSource source, Func<List<ServerSentEvent>, bool> done)
    {
        var seen = new List<ServerSentEvent>();
        while (!done(seen))
            seen.Add(await source.NextAsync() ?? throw new InvalidOperationException($"The stream ended after {string.Join(", ", seen)}."));
        return seen;
    }

    private static async Task<int> RunRetentionAsync(DogMonitorApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await ActivatorUtilities.CreateInstance<MomentRetention>(scope.ServiceProvider).RunAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task MomentEvents_ReachEveryoneGrantedTheCamera_NamedByTheMoment_AndNoOneElse()
    {
        var app = await StartAsync("events");
        var member = await TestAccounts.CreateUserAsync(app.Services, "watcher@dogmonitor.test", cameras: ["yard"]);
        var stranger = await TestAccounts.CreateUserAsync(app.Services, "elsewhere@dogmonitor.test");
        using var owners = await EventStreamReader.OpenAsync(app.CreateClient(), "/api/events");
        using var members = await EventStreamReader.OpenAsync(app.CreateClient().WithKey(member.Key), "/api/events");
        using var strangers = await EventStreamReader.OpenAsync(app.CreateClient().WithKey(stranger.Key), "/api/events");

        var kitchen = await RecordAsync(app, "test-pattern");
        var yard = await RecordAsync(app, "yard");
        var old = await StoredMoments.AddAsync(app, DateTime.UtcNow.AddDays(-31), cameraId: "yard");
        await RunRetentionAsync(app);

        // The member hears the yard's moments only (their cut's news may come between: a worker tries it). Events of two
        // moments may arrive in either order: each is looked up by its moment on the way.
        var heard = await CollectAsync(members, seen => seen.Any(e => e.Type == "moment.created" && e.ItemId == yard.Id.ToString())
            && seen.Any(e => e.Type == "moment.deleted" && e.ItemId == old.Id.ToString()));
        Assert.All(heard, e => Assert.Equal("yard", (string?)e.Data["camera_id"]));
        var created = heard.Single(e => e.Type == "moment.created");
        Assert.Equal((yard.ClipId.ToString(), "queued"), ((string?)created.Data["clip_id"], (string?)created.Data["status"]));
        Assert.Equal(old.ClipId.ToString(), (string?)heard.Single(e => e.Type == "moment.deleted").Data["clip_id"]);
        // An admin hears every camera's.
        var all = await CollectAsync(owners, seen => seen.Count(e => e.Type == "moment.created") == 2 && seen.Any(e => e.Type == "moment.deleted"));
        Assert.Equal(new[] { kitchen.Id.ToString(), yard.Id.ToString() }.Order(), all.Where(e => e.Type == "moment.created").Select(e => e.ItemId).Order());
        // Someone granted neither camera hears neither: the first thing they hear is their own snapshot.
        var theirs = (string)(await (await app.CreateClient().WithKey(stranger.Key).PostJsonAsync("/api/snapshots", ApiClient.SnapshotBody())).ReadJsonAsync())["id"]!;
        var first = await strangers.NextAsync();
        Assert.Equal(("snapshot.created", theirs), (first?.Type, first?.ItemId));
    }

    [Fact]
    public async Task TakingACameraAwayEndsAKeysOpenStream_SoItsMomentsStopThere()
    {
        var app = await environment.StartAppAsync("moments-regrant", settings =>
        {
            settings["Cameras:0:Id"] = "test-pattern";
            settings["Cameras:1:Id"] = "yard";
            settings["Auth:RevalidationInterval"] = "00:00:01";
        });
        var member = await TestAccounts.CreateUserAsync(app.Services, "regranted@dogmonitor.test", cameras: ["yard", "test-pattern"]);
        using var stream = await EventStreamReader.OpenAsync(app.CreateClient().WithKey(member.Key), "/api/events");

        Assert.Equal(HttpStatusCode.OK, (await app.CreateClient().PatchAsync($"/api/users/{member.Id}",
            JsonContent.Create(new { cameras = new[] { "test-pattern" } }))).StatusCode);

        Assert.Null(await stream.NextAsync()); // ended: the reconnection listens with the cameras granted now
        using var again = await EventStreamReader.OpenAsync(app.CreateClient().WithKey(member.Key), "/api/events");
        await RecordAsync(app, "yard");
        var kitchen = await RecordAsync(app, "test-pattern");
        var first = await again.NextAsync();
        Assert.Equal(("moment.created", kitchen.Id.ToString()), (first?.Type, first?.ItemId));
    }

    private static async Task<Moment> RecordAsync(DogMonitorApp app, string cameraId)
    {
        var at = DateTime.UtcNow.AddMinutes(-5);
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<MomentRecorder>().RecordAsync(cameraId,
            new ActivityPeriod(at, at.AddSeconds(3), ActivityKinds.Motion, 0.2, null, false, at.AddSeconds(-5), at.AddSeconds(8)), TestContext.Current.CancellationToken);
    }

    private Task<DogMonitorApp> StartAsync(string variant) => environment.StartAppAsync($"moments-{variant}", settings =>
    {
        settings["Cameras:0:Id"] = "test-pattern";
        settings["Cameras:1:Id"] = "yard";
        settings["Cameras:1:Name"] = "Yard";
    });

    private static async Task<List<Guid>> IdsAsync(HttpClient client, string query)
    {
        var page = await (await client.GetAsync($"/api/moments?limit=100&{query}")).ReadJsonAsync();
        return [.. page["items"]!.AsArray().Select(m => Guid.Parse((string)m!["id"]!))];
    }
}

public sealed class MomentsApiOnEmbeddedDefault(EmbeddedEnvironment environment)
    : MomentsApiTests(environment), IClassFixture<EmbeddedEnvironment>;

public sealed class MomentsApiOnPostgresAndS3(ProductionEnvironment environment)
    : MomentsApiTests(environment), IClassFixture<ProductionEnvironment>;
