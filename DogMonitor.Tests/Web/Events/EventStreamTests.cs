using System.Net;
using System.Net.WebSockets;
using DogMonitor.Domain.Accounts;
using DogMonitor.Domain.Clips;
using DogMonitor.Tests.Infrastructure;
using DogMonitor.Tests.Web.Downloads;
using Microsoft.Extensions.DependencyInjection;

namespace DogMonitor.Tests.Web.Events;

/// <summary>
/// The live events of API clients (<c>/api/events</c> as Server-Sent Events, <c>/api/events/ws</c>, and
/// <c>/api/clips/{id}/events</c>): who may listen, what each hears, and resuming after a reconnection.
/// </summary>
public abstract class EventStreamTests(AppEnvironment environment)
{
    private DogMonitorApp App => environment.App;

    [Theory]
    [InlineData("/api/events")]
    [InlineData("/api/events/ws")]
    [InlineData("/api/clips/0193f1c2-7a4e-7cc1-9d2b-5b7f3e0a1c9d/events")]
    public async Task ASignedOutCallerGets401(string path)
    {
        var problem = await (await App.CreateAnonymousClient().GetAsync(path)).AssertProblemAsync(401);
        Assert.Contains("API key", (string?)problem["detail"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASignedOutWebSocketIsRefused()
    {
        var client = App.Server.CreateWebSocketClient();
        var refused = await Assert.ThrowsAnyAsync<Exception>(() => client.ConnectAsync(new Uri(App.Server.BaseAddress, "api/events/ws"), CancellationToken.None));
        Assert.Contains("401", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SnapshotsAndClipsTellTheirCreationAndDeletion_OverBothStreams_UnderTheSameIds()
    {
        using var stream = await EventStreamReader.OpenAsync(App.CreateClient(), "/api/events");
        await using var socket = await OwnerSocketAsync();
        var owner = App.CreateClient();

        var snapshot = (string)(await (await owner.PostJsonAsync("/api/snapshots", ApiClient.SnapshotBody())).ReadJsonAsync())["id"]!;
        Assert.Equal(HttpStatusCode.NoContent, (await owner.DeleteAsync($"/api/snapshots/{snapshot}")).StatusCode);
        var clip = (await StoredClips.AddAsync(App)).Id.ToString();
        Assert.Equal(HttpStatusCode.NoContent, (await owner.DeleteAsync($"/api/clips/{clip}")).StatusCode);

        foreach (var source in new IEventSource[] { stream, socket })
        {
            var events = await source.UntilAsync(e => e.Type == "clip.deleted" && e.ItemId == clip);
            Assert.Equal(["snapshot.created", "snapshot.deleted", "clip.deleted"], events.Select(e => e.Type));
            Assert.Equal([snapshot, snapshot, clip], events.Select(e => e.ItemId));
            Assert.All(events, e => Assert.True(Guid.TryParse(e.Id, out _), $"an event id: {e}"));
            Assert.All(events, e => Assert.InRange((DateTime)e.Data["at"]!, DateTime.UtcNow.AddMinutes(-1), DateTime.UtcNow.AddSeconds(1)));
        }
    }

    [Fact]
    public async Task AnotherUsersEventsNeverReachAStream_AndTheirClipsStreamIs404()
    {
        var other = await TestAccounts.CreateUserAsync(App.Services, $"listener-{Guid.NewGuid():N}@dogmonitor.test");
        var otherClient = App.CreateClient().WithKey(other.Key);
        using var theirs = await EventStreamReader.OpenAsync(otherClient, "/api/events");
        await using var theirSocket = await SocketAsync(other.Key);
        var ownersClip = (await StoredClips.AddAsync(App, ClipStatus.Processing, storeObjects: false)).Id;

        // The owner's news first, then the other user's own: the first event they hear must be their own.
        var owners = (string)(await (await App.CreateClient().PostJsonAsync("/api/snapshots", ApiClient.SnapshotBody())).ReadJsonAsync())["id"]!;
        await App.CreateClient().DeleteAsync($"/api/snapshots/{owners}");
        await App.CreateClient().DeleteAsync($"/api/clips/{ownersClip}");
        var their = (string)(await (await otherClient.PostJsonAsync("/api/snapshots", ApiClient.SnapshotBody())).ReadJsonAsync())["id"]!;

        foreach (var source in new IEventSource[] { theirs, theirSocket })
        {
            var first = await source.NextAsync();
            Assert.Equal(("snapshot.created", their), (first?.Type, first?.ItemId));
        }
        await (await otherClient.GetAsync($"/api/clips/{ownersClip}/events")).AssertProblemAsync(404);
        await (await otherClient.GetAsync($"/api/clips/{Guid.NewGuid()}/events")).AssertProblemAsync(404);
    }

    [Fact]
    public async Task AReadOnlyKeyMayListen()
    {
        var reader = App.CreateClient().WithKey(await TestAccounts.CreateKeyAsync(App.Services, App.OwnerId, ApiKeyScope.Read));
        using var stream = await EventStreamReader.OpenAsync(reader, "/api/events");

        var snapshot = (string)(await (await App.CreateClient().PostJsonAsync("/api/snapshots", ApiClient.SnapshotBody())).ReadJsonAsync())["id"]!;

        Assert.Equal(snapshot, (await stream.UntilAsync(e => e.ItemId == snapshot))[^1].ItemId);
    }

    [Fact]
    public async Task AReconnectingClientGetsWhatItMissed_OverEitherStream()
    {
        using var witness = await EventStreamReader.OpenAsync(App.CreateClient(), "/api/events");
        await Task.Delay(Overlap + TimeSpan.FromSeconds(1)); // the app may have only just started: it has heard everything since then
        string lastSeen;
        using (var first = await EventStreamReader.OpenAsync(App.CreateClient(), "/api/events"))
        {
            var seen = await PostSnapshotAsync();
            lastSeen = (await first.UntilAsync(e => e.ItemId == seen))[^1].Id!;
        }
        var missed = new[] { await PostSnapshotAsync(), await PostSnapshotAsync() };
        var expected = await witness.UntilAsync(e => e.ItemId == missed[1]); // the app has both by now

        using var resumed = await EventStreamReader.OpenAsync(App.CreateClient(), "/api/events", lastEventId: lastSeen);
        await using var resumedSocket = await OwnerSocketAsync(lastEventId: lastSeen);

        var tail = expected.SkipWhile(e => e.Id != lastSeen).Skip(1).Select(e => (e.Id, e.Type, e.ItemId)).ToList();
        Assert.Equal(missed, tail.Where(e => e.Type == "snapshot.created").Select(e => e.ItemId));
        foreach (var source in new IEventSource[] { resumed, resumedSocket })
        {
            var got = (await source.UntilAsync(e => e.Id == tail[^1].Id)).Select(e => (e.Id, e.Type, e.ItemId)).ToList();
            // A resume may repeat events of the overlap before the last one seen (on another replica they may have come
            // after it); then come the missed ones, each once, in order.
            var repeated = got.TakeWhile(e => !tail.Contains(e)).ToList();
            Assert.Equal(tail, got.Skip(repeated.Count));
            Assert.All(repeated, e => Assert.InRange(HappenedAt(e.Id!), HappenedAt(lastSeen) - Overlap, HappenedAt(lastSeen)));
            Assert.DoesNotContain(repeated, e => e.Id == lastSeen);
        }
    }

    private TimeSpan Overlap => App.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<DogMonitor.Web.Events.EventStreamOptions>>().Value.ReplayOverlap;

    private static DateTime HappenedAt(string id) => DogMonitor.Web.Events.EventReplay.HappenedAt(id)!.Value;

    [Fact]
    public async Task AnUnknownLastEventIdGetsReload_ThenLiveEvents()
    {
        using var stream = await EventStreamReader.OpenAsync(App.CreateClient(), "/api/events", lastEventId: Guid.NewGuid().ToString());
        await using var socket = await OwnerSocketAsync(lastEventId: "not-an-id-we-ever-gave");

        var snapshot = await PostSnapshotAsync();

        foreach (var source in new IEventSource[] { stream, socket })
        {
            var reload = (await source.NextAsync())!;
            Assert.Equal("reload", reload.Type);
            Assert.Contains("read your clips and snapshots again", (string?)reload.Data["detail"], StringComparison.Ordinal);
            Assert.Equal(snapshot, (await source.UntilAsync(e => e.ItemId == snapshot))[^1].ItemId);
        }
    }

    [Fact]
    public async Task AnIdOlderThanTheReplayHoldsGetsReload_AYoungerOneResumes()
    {
        var app = await environment.StartAppAsync("small-replay", settings => (settings["Events:ReplayCapacity"], settings["Events:ReplayOverlap"]) = ("2", "00:00:00"));
        using var witness = await EventStreamReader.OpenAsync(app.CreateClient(), "/api/events");
        await Task.Delay(TimeSpan.FromSeconds(1)); // it has heard everything since it started
        var owner = app.CreateClient();
        var snapshots = new List<string>();
        for (var i = 0; i < 3; i++)
            snapshots.Add((string)(await (await owner.PostJsonAsync("/api/snapshots", ApiClient.SnapshotBody())).ReadJsonAsync())["id"]!);
        var ids = (await witness.UntilAsync(e => e.ItemId == snapshots[2])).Select(e => e.Id!).ToList();

        using var tooOld = await EventStreamReader.OpenAsync(app.CreateClient(), "/api/events", lastEventId: ids[0]);
        using var young = await EventStreamReader.OpenAsync(app.CreateClient(), "/api/events", lastEventId: ids[1]);

        var reload = (await tooOld.NextAsync())!;
        Assert.Equal(("reload", ids[2]), (reload.Type, reload.Id)); // resuming from the reload's id misses nothing more
        var resumed = (await young.NextAsync())!;
        Assert.Equal((ids[2], snapshots[2]), (resumed.Id, resumed.ItemId));
    }

    [Fact]
    public async Task AQuietStreamSendsKeepAliveComments()
    {
        var app = await environment.StartAppAsync("heartbeat", settings => settings["Events:Heartbeat"] = "00:00:00.200");
        using var stream = await EventStreamReader.OpenAsync(app.CreateClient(), "/api/events");

        Assert.Equal(": keep-alive", await stream.NextCommentAsync());
        Assert.Equal(": keep-alive", await stream.NextCommentAsync());
    }

    [Fact]
    public async Task RevokingTheKeyEndsItsOpenStreams()
    {
        var app = await environment.StartAppAsync("revoked", settings => settings["Auth:RevalidationInterval"] = "00:00:01");
        var key = await TestAccounts.CreateKeyAsync(app.Services, app.OwnerId, ApiKeyScope.Read);
        using var stream = await EventStreamReader.OpenAsync(app.CreateClient().WithKey(key), "/api/events");
        var client = app.Server.CreateWebSocketClient();
        client.ConfigureRequest = request => request.Headers["X-Api-Key"] = key;
        await using var events = new EventSocket(await client.ConnectAsync(new Uri(app.Server.BaseAddress, "api/events/ws"), CancellationToken.None));
        var keys = (await (await app.CreateClient().GetAsync("/api/keys")).ReadJsonAsync())["items"]!.AsArray();
        var id = (string)keys.Single(k => (string?)k!["prefix"] == key[..ApiKeySecrets.PrefixLength])!["id"]!;

        Assert.Equal(HttpStatusCode.NoContent, (await app.CreateClient().DeleteAsync($"/api/keys/{id}")).StatusCode);

        Assert.Null(await stream.NextAsync());
        Assert.Null(await events.NextAsync());
        Assert.Equal(System.Net.WebSockets.WebSocketCloseStatus.PolicyViolation, events.Socket.CloseStatus);
        await (await app.CreateClient().WithKey(key).GetAsync("/api/events")).AssertProblemAsync(401);
    }

    [Fact]
    public async Task TheStreamOfAFinishedClipSendsItsStateOnceAndEnds()
    {
        var clip = (await StoredClips.AddAsync(App)).Id.ToString();

        using var stream = await EventStreamReader.OpenAsync(App.CreateClient(), $"/api/clips/{clip}/events");

        var only = (await stream.NextAsync())!;
        Assert.Equal(("clip.status", clip, "ready", 100), (only.Type, only.ItemId, (string?)only.Data["status"], (int)only.Data["progress"]!));
        Assert.Null(await stream.NextAsync());
    }

    [Fact]
    public async Task TheStreamOfAClipEndsWhenItIsDeleted()
    {
        var clip = (await StoredClips.AddAsync(App, ClipStatus.Queued, storeObjects: false)).Id.ToString();
        using var stream = await EventStreamReader.OpenAsync(App.CreateClient(), $"/api/clips/{clip}/events");
        var current = (await stream.NextAsync())!;
        Assert.Equal(("clip.status", "queued"), (current.Type, (string?)current.Data["status"]));

        await App.CreateClient().DeleteAsync($"/api/clips/{clip}");

        var deleted = (await stream.NextAsync())!;
        Assert.Equal(("clip.deleted", clip), (deleted.Type, deleted.ItemId));
        Assert.Null(await stream.NextAsync());
    }

    [Fact]
    public async Task AMalformedClipIdIs400_AndAPlainRequestForTheWebSocketIs426()
    {
        await (await App.CreateClient().GetAsync("/api/clips/not-an-id/events")).AssertProblemAsync(400);
        var plain = await App.CreateClient().GetAsync("/api/events/ws");
        await plain.AssertProblemAsync(426);
        Assert.Equal("websocket", plain.Headers.Upgrade.ToString());
    }

    [Fact]
    public async Task AWebSocketWithTheSessionCookieIsRefusedToAnotherSitesPage_AndAllowedToOurs()
    {
        var login = await App.CreateAnonymousClient().PostJsonAsync("/api/auth/login", new { email = TestAccounts.OwnerEmail, password = TestAccounts.OwnerPassword });
        Assert.True(login.IsSuccessStatusCode, await login.Content.ReadAsStringAsync());
        var cookie = string.Join("; ", login.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));

        var foreign = App.Server.CreateWebSocketClient();
        foreign.ConfigureRequest = request => (request.Headers.Cookie, request.Headers.Origin) = (cookie, "http://evil.example");
        var refused = await Assert.ThrowsAnyAsync<Exception>(() => foreign.ConnectAsync(new Uri(App.Server.BaseAddress, "api/events/ws"), CancellationToken.None));
        Assert.Contains("403", refused.Message, StringComparison.Ordinal);

        var own = App.Server.CreateWebSocketClient();
        own.ConfigureRequest = request => (request.Headers.Cookie, request.Headers.Origin) = (cookie, App.Server.BaseAddress.GetLeftPart(UriPartial.Authority));
        await using var socket = new EventSocket(await own.ConnectAsync(new Uri(App.Server.BaseAddress, "api/events/ws"), CancellationToken.None));
        var snapshot = await PostSnapshotAsync();
        Assert.Equal(snapshot, (await socket.UntilAsync(e => e.ItemId == snapshot))[^1].ItemId);
    }

    private async Task<string> PostSnapshotAsync() =>
        (string)(await (await App.CreateClient().PostJsonAsync("/api/snapshots", ApiClient.SnapshotBody())).ReadJsonAsync())["id"]!;

    private Task<EventSocket> OwnerSocketAsync(string? lastEventId = null) => SocketAsync(App.OwnerKey, lastEventId);

    private async Task<EventSocket> SocketAsync(string key, string? lastEventId = null)
    {
        var client = App.Server.CreateWebSocketClient();
        client.ConfigureRequest = request => request.Headers["X-Api-Key"] = key;
        var query = lastEventId is null ? "" : $"?last_event_id={Uri.EscapeDataString(lastEventId)}";
        WebSocket socket = await client.ConnectAsync(new Uri(App.Server.BaseAddress, "api/events/ws" + query), CancellationToken.None);
        return new EventSocket(socket);
    }
}

public sealed class EventStreamsOnEmbeddedDefault(EmbeddedEnvironment environment)
    : EventStreamTests(environment), IClassFixture<EmbeddedEnvironment>;

public sealed class EventStreamsOnPostgresAndS3(ProductionEnvironment environment)
    : EventStreamTests(environment), IClassFixture<ProductionEnvironment>;
