using System.Net;
using System.Reflection;
using System.Text.Json.Nodes;
using DogMonitor.Domain.Accounts;
using DogMonitor.Tests.Infrastructure;
using DogMonitor.Tests.Web.Downloads;
using DogMonitor.Web.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;

namespace DogMonitor.Tests.Web.Accounts;

/// <summary>
/// Every operation of the app's own OpenAPI document, so an endpoint added later is covered the day it exists:
/// anonymous gets 401, another user's key on the owner's ids gets 404, a read key that writes gets 403, and the owner
/// gets a 2xx. Only the share links' public routes and the sign-in route are open, and they are named here. Likewise
/// every admin page: an anonymous visitor and a member are sent to sign in, an admin sees it.
/// </summary>
public abstract class AuthorizationMatrixTests(AppEnvironment environment)
{
    // The one public door (anyone holding a link) and the way in: nothing else may answer without credentials.
    private static readonly string[] Public = ["/s/{token}/video", "/s/{token}/preview", "/s/{token}/download", "/api/auth/login", "/healthz"];

    private const string WebSocketPath = "/api/events/ws";

    [Fact]
    public async Task EveryOperationNeedsCredentialsAndKeepsOwnersApart()
    {
        // A small camera records, so the live playlist and its segments answer the owner too.
        var app = await environment.StartAppAsync("matrix", settings =>
        {
            settings["Recording:Enabled"] = "true";
            settings["Cameras:0:Id"] = "test-pattern";
            settings["Cameras:0:Source"] = "synthetic:320x180@10";
        });
        var world = await World.CreateAsync(app);
        var operations = await OperationsAsync(app);
        Assert.True(operations.Count >= 25, $"The OpenAPI document lists only {operations.Count} operations.");
        var anonymous = app.CreateAnonymousClient();
        var stranger = app.CreateClient().WithKey(world.Stranger.Key);
        var reader = app.CreateClient().WithKey(world.OwnerReadKey);
        var owner = app.CreateClient();
        var failures = new List<string>();

        foreach (var (method, template) in operations.Where(o => !Public.Contains(o.Path)))
        {
            if (!world.Bodies.TryGetValue($"{method} {template}", out var body))
            {
                failures.Add($"{method} {template}: the matrix has no owner request for this operation yet; add one to World.Bodies.");
                continue;
            }
            var path = world.Fill(template);
            // Each with a body the owner's request would carry, so only who asks differs.
            await Expect(anonymous, method, path, [401], "anonymous", failures, problem: true, body);
            if (template.StartsWith("/api/users", StringComparison.Ordinal) || template.StartsWith("/api/admin/", StringComparison.Ordinal))
                await Expect(stranger, method, path, [403], "a member's key", failures, problem: true, body);
            else if (path != template)
                await Expect(stranger, method, path, [404], "another user's key", failures, problem: true, body);
            if (method != "GET")
                await Expect(reader, method, path, [403], "a read-only key", failures, problem: true, body);
        }
        // The owner last, deletions at the very end and the inner ones first, so every id still names something.
        // Keys are made by a person signed in, not by another key.
        var session = await app.CreateSessionClientAsync();
        foreach (var (method, template) in operations.Where(o => !Public.Contains(o.Path) && world.Bodies.ContainsKey($"{o.Method} {o.Path}"))
                     .OrderBy(o => o.Method == "DELETE").ThenByDescending(o => o.Path.Length))
            if (template == WebSocketPath) await ExpectWebSocket(app, failures);
            else await Expect(template == "/api/keys" && method == "POST" ? session : owner, method, world.Fill(template), [200, 201, 202, 204], "the owner", failures, problem: false, world.Bodies[$"{method} {template}"]);
        await (await owner.PostJsonAsync("/api/keys", new { name = "minted by a key", scope = "write" })).AssertProblemAsync(403);
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task EveryAdminPageSendsAnonymousVisitorsAndMembersToSignIn()
    {
        var app = await environment.StartAppAsync("admin-pages");
        var pages = AdminPages();
        Assert.Superset(new HashSet<string> { "/admin/users", "/admin/cameras", "/admin/cameras/test-pattern/zones" }, pages.ToHashSet());
        var member = await TestAccounts.CreateUserAsync(app.Services, "member@dogmonitor.test", cameras: ["test-pattern"]);
        var anonymous = app.CreateAnonymousClient();
        var memberBrowser = await app.CreateSessionClientAsync(member.Email, TestAccounts.Password, followRedirects: false);
        var ownerBrowser = await app.CreateSessionClientAsync(followRedirects: false);
        var failures = new List<string>();

        foreach (var page in pages)
        {
            var signIn = $"/signin?ReturnUrl={Uri.EscapeDataString(page)}";
            await ExpectPage(anonymous, page, signIn, "anonymous", failures);
            await ExpectPage(memberBrowser, page, signIn, "a member", failures);
            await ExpectPage(ownerBrowser, page, null, "the owner", failures);
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task TheOpenApiDocumentDescribesBothKindsOfApiKey()
    {
        var document = JsonNode.Parse(await environment.App.CreateClient().GetStringAsync("/openapi/v1.json"))!;
        var schemes = document["components"]!["securitySchemes"]!.AsObject();
        Assert.Equal("http", (string?)schemes["bearer"]!["type"]);
        Assert.Equal("bearer", (string?)schemes["bearer"]!["scheme"]);
        Assert.Equal("apiKey", (string?)schemes["api_key"]!["type"]);
        Assert.Equal("X-Api-Key", (string?)schemes["api_key"]!["name"]);
        Assert.Equal("header", (string?)schemes["api_key"]!["in"]);
    }

    private static async Task<List<(string Method, string Path)>> OperationsAsync(DogMonitorApp app)
    {
        var document = JsonNode.Parse(await app.CreateClient().GetStringAsync("/openapi/v1.json"))!;
        return [.. document["paths"]!.AsObject().SelectMany(p => p.Value!.AsObject().Select(m => (m.Key.ToUpperInvariant(), p.Key)))];
    }

    /// <summary>The routes of every page only admins may open, found from their attributes so a new one is covered the day it exists.</summary>
    private static List<string> AdminPages() =>
    [
        .. typeof(Program).Assembly.GetTypes()
            .Where(type => type.GetCustomAttributes<AuthorizeAttribute>().Any(a => a.Policy == AccountPolicies.Admin))
            // A page of one camera is opened for the camera every configuration has.
            .SelectMany(type => type.GetCustomAttributes<RouteAttribute>().Select(route => route.Template.Replace("{CameraId}", "test-pattern", StringComparison.Ordinal))),
    ];

    /// <summary>A person's browser asking for <paramref name="path"/>: sent to <paramref name="redirect"/>, or shown the page when that is null.</summary>
    private static async Task ExpectPage(HttpClient client, string path, string? redirect, string who, List<string> failures)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.ParseAdd("text/html");
        using var response = await client.SendAsync(request);
        var location = response.Headers.Location?.ToString();
        if (redirect is null && response.StatusCode != HttpStatusCode.OK)
            failures.Add($"GET {path} as {who}: {(int)response.StatusCode} {location}, expected the page");
        else if (redirect is not null && (response.StatusCode != HttpStatusCode.Redirect || location?.EndsWith(redirect, StringComparison.Ordinal) != true))
            failures.Add($"GET {path} as {who}: {(int)response.StatusCode} {location}, expected a redirect to {redirect}");
    }

    /// <summary>The owner opening the events' WebSocket with their key (a plain GET of it answers 426).</summary>
    private static async Task ExpectWebSocket(DogMonitorApp app, List<string> failures)
    {
        var client = app.Server.CreateWebSocketClient();
        client.ConfigureRequest = request => request.Headers["X-Api-Key"] = app.OwnerKey;
        try
        {
            using var socket = await client.ConnectAsync(new Uri(app.Server.BaseAddress, WebSocketPath.TrimStart('/')), CancellationToken.None);
            await socket.CloseAsync(System.Net.WebSockets.WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
        }
        catch (Exception ex) when (ex is InvalidOperationException or System.Net.WebSockets.WebSocketException)
        {
            failures.Add($"GET {WebSocketPath} as the owner, as a WebSocket: {ex.Message}");
        }
    }

    private static async Task Expect(HttpClient client, string method, string path, int[] statuses, string who, List<string> failures, bool problem, object? body = null)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (body is not null) request.Content = new StringContent(System.Text.Json.JsonSerializer.Serialize(body), System.Text.Encoding.UTF8, "application/json");
        // Headers only: the event streams answer 200 at once and stay open.
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        var status = (int)response.StatusCode;
        if (!statuses.Contains(status))
            failures.Add($"{method} {path} as {who}: {status}, expected {string.Join(" or ", statuses)}: {Shorten(await response.Content.ReadAsStringAsync())}");
        else if (problem && response.Content.Headers.ContentType?.MediaType != "application/problem+json")
            failures.Add($"{method} {path} as {who}: {status} without problem details");
    }

    private static string Shorten(string text) => text.Length > 200 ? text[..200] + "…" : text;

    /// <summary>The owner's items, a member with nothing, and a request for every operation the owner may make.</summary>
    private sealed class World
    {
        public required TestUser Stranger { get; init; }
        public required string OwnerReadKey { get; init; }
        public required Dictionary<string, string> Ids { get; init; }
        public required Dictionary<string, object?> Bodies { get; init; }
        public required string Segment { get; init; }

        public static async Task<World> CreateAsync(DogMonitorApp app)
        {
            var owner = app.CreateClient();
            var snapshot = (string)(await (await owner.PostJsonAsync("/api/snapshots", ApiClient.SnapshotBody())).ReadJsonAsync())["id"]!;
            var clip = await StoredClips.AddAsync(app);
            var moment = await DogMonitor.Tests.Web.Moments.StoredMoments.AddAsync(app);
            var keyId = await TestAccounts.CreateKeyAsync(app.Services, app.OwnerId, ApiKeyScope.Read);
            var member = await TestAccounts.CreateUserAsync(app.Services, "member@dogmonitor.test");
            var stranger = await TestAccounts.CreateUserAsync(app.Services, "stranger@dogmonitor.test");
            var snapshotBody = ApiClient.SnapshotBody();
            var segment = await LiveSegmentAsync(owner);
            return new World
            {
                Stranger = stranger,
                OwnerReadKey = await TestAccounts.CreateKeyAsync(app.Services, app.OwnerId, ApiKeyScope.Read),
                Ids = new()
                {
                    ["/api/snapshots/{id}"] = snapshot,
                    ["/api/clips/{id}"] = clip.Id.ToString(),
                    ["/api/moments/{id}"] = moment.Id.ToString(),
                    ["/api/keys/{id}"] = await KeyIdAsync(app, keyId),
                    ["/api/users/{id}"] = member.Id,
                    ["/api/cameras/{id}"] = "test-pattern",
                    ["/api/admin/cameras/{id}"] = "test-pattern",
                },
                Segment = segment,
                Bodies = new()
                {
                    ["GET /api/snapshots"] = null, ["GET /api/snapshots/{id}"] = null, ["GET /api/clips"] = null, ["GET /api/clips/{id}"] = null, ["GET /api/labels"] = null,
                    ["GET /api/keys"] = null, ["GET /api/users"] = null, ["GET /api/cameras"] = null, ["GET /api/auth/me"] = null,
                    ["GET /api/snapshots/{id}/download"] = null, ["GET /api/clips/{id}/download"] = null, ["GET /healthz"] = null,
                    ["GET /api/downloads.zip"] = null, ["GET /api/cameras/{id}/live.m3u8"] = null, ["GET /api/cameras/{id}/{segment}"] = null, ["GET /api/cameras/{id}/timeline"] = null, ["GET /api/cameras/{id}/recording.m3u8"] = null,
                    ["GET /api/events"] = null, ["GET /api/events/ws"] = null, ["GET /api/clips/{id}/events"] = null,
                    ["GET /api/moments"] = null, ["GET /api/moments/{id}"] = null, ["POST /api/moments/{id}/reviewed"] = null, ["POST /api/moments/{id}/keep"] = null,
                    ["POST /api/snapshots"] = snapshotBody,
                    ["POST /api/clips"] = new { start_ts = DateTime.UtcNow.AddSeconds(-10).ToString("O"), duration_ms = 2000, labels = new[] { "matrix" } },
                    ["PATCH /api/snapshots/{id}"] = new { note = "changed" },
                    ["PATCH /api/clips/{id}"] = new { note = "changed" },
                    ["POST /api/clips/{id}/trim"] = new { start_ms = 0, end_ms = 2000 },
                    ["POST /api/snapshots/{id}/share"] = new { expires_in_hours = 1 },
                    ["POST /api/clips/{id}/share"] = new { expires_in_hours = 1 },
                    ["DELETE /api/snapshots/{id}/share"] = null, ["DELETE /api/clips/{id}/share"] = null,
                    ["POST /api/keys"] = new { name = "another", scope = "write" },
                    ["POST /api/users"] = new { email = "new@dogmonitor.test", password = TestAccounts.Password, role = "member", cameras = new[] { "test-pattern" } },
                    ["PATCH /api/users/{id}"] = new { cameras = new[] { "test-pattern" } },
                    ["POST /api/auth/logout"] = null,
                    ["GET /api/admin/media-audit"] = null, ["POST /api/admin/media-audit"] = null,
                    ["GET /api/admin/cameras/{id}/zones"] = null, ["PUT /api/admin/cameras/{id}/zones"] = new { ignore_zones = new[] { "0,0.9 0.4,0.9 0.4,1" } },
                    ["DELETE /api/admin/cameras/{id}/zones"] = null,
                    ["DELETE /api/snapshots/{id}"] = null, ["DELETE /api/clips/{id}"] = null, ["DELETE /api/keys/{id}"] = null, ["DELETE /api/users/{id}"] = null,
                },
            };
        }

        private static async Task<string> KeyIdAsync(DogMonitorApp app, string secret)
        {
            var keys = await app.CreateClient().WithKey(secret).GetAsync("/api/keys");
            return (string)(await keys.ReadJsonAsync())["items"]!.AsArray().Single(k => (string?)k!["prefix"] == secret[..DogMonitor.Domain.Accounts.ApiKeySecrets.PrefixLength])!["id"]!;
        }

        private static async Task<string> LiveSegmentAsync(HttpClient owner)
        {
            for (var attempt = 0; attempt < 60; attempt++)
            {
                var playlist = await owner.GetAsync("/api/cameras/test-pattern/live.m3u8");
                var segment = playlist.IsSuccessStatusCode
                    ? (await playlist.Content.ReadAsStringAsync()).Split('\n').FirstOrDefault(l => l.EndsWith(".m4s", StringComparison.Ordinal)) : null;
                if (segment is not null) return segment;
                await Task.Delay(500);
            }
            throw new InvalidOperationException("The synthetic camera wrote no live segment within 30 s (is ffmpeg installed?).");
        }

        public string Fill(string template)
        {
            foreach (var (prefix, id) in Ids)
                if (template.StartsWith(prefix, StringComparison.Ordinal)) return prefix.Replace("{id}", id, StringComparison.Ordinal) + template[prefix.Length..].Replace("{segment}", Segment, StringComparison.Ordinal);
            return template switch
            {
                "/api/downloads.zip" => $"/api/downloads.zip?snapshot_id={Ids["/api/snapshots/{id}"]}",
                _ => template,
            };
        }
    }
}

public sealed class AuthorizationMatrixOnEmbeddedDefault(EmbeddedEnvironment environment)
    : AuthorizationMatrixTests(environment), IClassFixture<EmbeddedEnvironment>;

public sealed class AuthorizationMatrixOnPostgresAndS3(ProductionEnvironment environment)
    : AuthorizationMatrixTests(environment), IClassFixture<ProductionEnvironment>;
