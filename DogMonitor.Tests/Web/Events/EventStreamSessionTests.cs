using System.Diagnostics;
using System.Net;
using System.Net.WebSockets;
using DogMonitor.Domain.Accounts;
using DogMonitor.Tests.Infrastructure;

namespace DogMonitor.Tests.Web.Events;

/// <summary>
/// Event streams and how they are opened and end: a stream opened with the session cookie ends when the session
/// expires, and a WebSocket over HTTP/2 (CONNECT, RFC 8441) opens as one over HTTP/1.1 does, for a read key too. The
/// rules are the same on both configurations, so the embedded default alone.
/// </summary>
public sealed class EventStreamSessionTests(EmbeddedEnvironment environment) : IClassFixture<EmbeddedEnvironment>
{
    [Fact]
    public async Task StreamsOpenedWithTheSessionCookieEndWhenTheSessionExpires()
    {
        var lifetime = TimeSpan.FromSeconds(4);
        var app = await environment.StartAppAsync("expiring", settings => settings["Auth:SessionLifetime"] = lifetime.ToString());
        var login = await app.CreateAnonymousClient().PostJsonAsync("/api/auth/login", new { email = TestAccounts.OwnerEmail, password = TestAccounts.OwnerPassword });
        Assert.True(login.IsSuccessStatusCode, await login.Content.ReadAsStringAsync());
        var cookie = string.Join("; ", login.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
        var signedIn = Stopwatch.StartNew();
        var client = app.CreateAnonymousClient();
        client.DefaultRequestHeaders.Add("Cookie", cookie);
        using var stream = await EventStreamReader.OpenAsync(client, "/api/events");
        var sockets = app.Server.CreateWebSocketClient();
        sockets.ConfigureRequest = request => request.Headers.Cookie = cookie;
        await using var socket = new EventSocket(await sockets.ConnectAsync(new Uri(app.Server.BaseAddress, "api/events/ws"), CancellationToken.None));

        Assert.Null(await stream.NextAsync());
        Assert.Null(await socket.NextAsync());
        Assert.InRange(signedIn.Elapsed, lifetime - TimeSpan.FromSeconds(1), lifetime + TimeSpan.FromSeconds(20));
        Assert.Equal(WebSocketCloseStatus.PolicyViolation, socket.Socket.CloseStatus);
        await (await client.GetAsync("/api/events")).AssertProblemAsync(401);
    }

    [Fact]
    public async Task AWebSocketOverHttp2OpensWithConnect_ForAReadKeyToo()
    {
        var port = FreePort.Next();
        // HTTP/2 alone on a plain socket (prior knowledge), as a TLS proxy in front of the app speaks it after ALPN.
        var app = await environment.StartAppAsync("http2", settings => settings["Kestrel:EndpointDefaults:Protocols"] = "Http2", kestrelPort: port);
        var key = await TestAccounts.CreateKeyAsync(app.Services, app.OwnerId, ApiKeyScope.Read);
        using var handler = new SocketsHttpHandler();
        using var http2 = new HttpClient(handler, disposeHandler: false)
        {
            BaseAddress = new Uri($"http://127.0.0.1:{port}"), DefaultRequestVersion = HttpVersion.Version20, DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
        http2.WithKey(app.OwnerKey);
        var socket = new ClientWebSocket();
        socket.Options.HttpVersion = HttpVersion.Version20;
        socket.Options.HttpVersionPolicy = HttpVersionPolicy.RequestVersionExact;
        socket.Options.CollectHttpResponseDetails = true;
        socket.Options.SetRequestHeader("X-Api-Key", key);

        await socket.ConnectAsync(new Uri($"ws://127.0.0.1:{port}/api/events/ws"), http2, CancellationToken.None);
        await using var events = new EventSocket(socket);

        Assert.Equal(HttpStatusCode.OK, socket.HttpStatusCode); // an HTTP/2 WebSocket is accepted with 200, not 101
        var posted = await http2.PostJsonAsync("/api/snapshots", ApiClient.SnapshotBody());
        Assert.Equal((HttpStatusCode.Created, HttpVersion.Version20), (posted.StatusCode, posted.Version));
        var snapshot = (string)(await posted.ReadJsonAsync())["id"]!;
        Assert.Equal(("snapshot.created", snapshot), (await events.UntilAsync(e => e.ItemId == snapshot)) is [.., var last] ? (last.Type, last.ItemId) : default);
    }
}
