using System.Net;
using System.Net.Http.Json;
using DogMonitor.Tests.Infrastructure;

namespace DogMonitor.Tests.Web.Accounts;

/// <summary>
/// Password sign-in as scripts and browsers meet it, on a real socket (the client address matters): sessions, lockout,
/// the per-address limit, and forwarded addresses believed only from a trusted proxy.
/// </summary>
public sealed class SignInTests(EmbeddedEnvironment environment) : IClassFixture<EmbeddedEnvironment>
{
    [Fact]
    public async Task LoginSetsAnHttpOnlySameSiteSessionAndLogoutEndsIt()
    {
        var (_, baseUrl) = await StartAsync("session");
        var cookies = new CookieContainer();
        using var client = new HttpClient(new HttpClientHandler { CookieContainer = cookies }) { BaseAddress = new Uri(baseUrl) };

        await (await client.GetAsync("/api/snapshots")).AssertProblemAsync(401);
        var login = await LoginAsync(client, TestAccounts.OwnerPassword);
        Assert.Equal(HttpStatusCode.NoContent, login.StatusCode);
        var setCookie = login.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("DogMonitor.Session=", StringComparison.Ordinal));
        Assert.Contains("httponly", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("secure", setCookie, StringComparison.OrdinalIgnoreCase); // plain HTTP here; HTTPS requests get Secure
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/snapshots")).StatusCode);
        Assert.Equal("admin", (string?)(await (await client.GetAsync("/api/auth/me")).ReadJsonAsync())["role"]);

        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsync("/api/auth/logout", null)).StatusCode);
        await (await client.GetAsync("/api/snapshots")).AssertProblemAsync(401);
    }

    [Theory]
    [InlineData("{\"disabled\": true}")]
    [InlineData("{\"password\": \"a brand new long password\"}")]
    public async Task DisablingAUserOrSettingTheirPasswordEndsTheirSessionsAndDisablingTheirKeys(string change)
    {
        var (app, baseUrl) = await StartAsync("revoke-" + change.Length, settings => settings["Auth:RevalidationInterval"] = "00:00:01");
        var member = await TestAccounts.CreateUserAsync(app.Services, "member@dogmonitor.test", cameras: ["test-pattern"]);
        using var session = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = new Uri(baseUrl) };
        Assert.Equal(HttpStatusCode.NoContent, (await session.PostAsJsonAsync("/api/auth/login", new { email = member.Email, password = TestAccounts.Password })).StatusCode);
        using var key = new HttpClient { BaseAddress = new Uri(baseUrl) }.WithKey(member.Key);
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/api/snapshots")).StatusCode);

        using var request = new HttpRequestMessage(HttpMethod.Patch, $"/api/users/{member.Id}") { Content = new StringContent(change, System.Text.Encoding.UTF8, "application/json") };
        Assert.Equal(HttpStatusCode.OK, (await app.CreateClient().SendAsync(request)).StatusCode);
        await Task.Delay(TimeSpan.FromSeconds(1.5)); // past the revalidation interval

        await (await session.GetAsync("/api/snapshots")).AssertProblemAsync(401);
        var keyAnswer = await key.GetAsync("/api/snapshots");
        Assert.Equal(change.Contains("disabled") ? HttpStatusCode.Unauthorized : HttpStatusCode.OK, keyAnswer.StatusCode); // a key outlives a password change, not a disabled account
    }

    [Fact]
    public async Task AnApiRequestGets401ButAPageIsSentToSignInAndBack()
    {
        var app = await environment.StartAppAsync("redirects");
        var anonymous = app.CreateAnonymousClient();

        var api = await anonymous.GetAsync("/api/clips");
        var problem = await api.AssertProblemAsync(401);
        Assert.Contains("Authorization: Bearer", (string?)problem["detail"], StringComparison.Ordinal);
        using var page = new HttpRequestMessage(HttpMethod.Get, "/gallery?tab=clips");
        page.Headers.Accept.ParseAdd("text/html");
        var redirect = await anonymous.SendAsync(page);
        Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
        Assert.EndsWith("/signin?ReturnUrl=%2Fgallery%3Ftab%3Dclips", redirect.Headers.Location!.ToString(), StringComparison.Ordinal);
        await (await anonymous.GetAsync("/openapi/v1.json")).AssertProblemAsync(401);
        await (await anonymous.GetAsync("/api/cameras/test-pattern/live.m3u8")).AssertProblemAsync(401);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/signin")).StatusCode);
        var health = await (await anonymous.GetAsync("/healthz")).ReadJsonAsync();
        Assert.Equal(["status"], health.Select(p => p.Key)); // up or down, no details for strangers
    }

    [Fact]
    public async Task FiveWrongPasswordsLockTheAccountUntilTheLockoutEnds()
    {
        var (_, baseUrl) = await StartAsync("lockout", settings => settings["Auth:LockoutDuration"] = "00:00:04");
        using var client = new HttpClient { BaseAddress = new Uri(baseUrl) };

        for (var i = 0; i < 5; i++)
            Assert.Contains("wrong", (string?)(await (await LoginAsync(client, "not the password at all")).AssertProblemAsync(401))["detail"], StringComparison.Ordinal);
        var locked = await (await LoginAsync(client, TestAccounts.OwnerPassword)).AssertProblemAsync(401);
        Assert.Contains("locked", (string?)locked["detail"], StringComparison.Ordinal);

        await Task.Delay(TimeSpan.FromSeconds(4.5));
        Assert.Equal(HttpStatusCode.NoContent, (await LoginAsync(client, TestAccounts.OwnerPassword)).StatusCode);
    }

    [Fact]
    public async Task TwentyWrongPasswordsInARowEndInLockoutAnd429()
    {
        var (_, baseUrl) = await StartAsync("limit", settings => settings["Auth:SignInAttempts"] = "10"); // the default
        using var client = new HttpClient { BaseAddress = new Uri(baseUrl) };

        var statuses = new List<int>();
        string? lastDetail = null;
        for (var i = 0; i < 20; i++)
        {
            var response = await LoginAsync(client, "not the password at all");
            statuses.Add((int)response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                lastDetail = (string?)(await response.AssertProblemAsync(429))["detail"];
                Assert.NotNull(response.Headers.RetryAfter);
            }
        }
        Assert.Equal(Enumerable.Repeat(401, 10).Concat(Enumerable.Repeat(429, 10)), statuses);
        Assert.Contains("Too many sign-in attempts", lastDetail, StringComparison.Ordinal);
        // The sign-in page's form is the same door.
        Assert.Equal(HttpStatusCode.TooManyRequests, (await client.PostAsync("/signin", new FormUrlEncodedContent([]))).StatusCode);
    }

    [Fact]
    public async Task ForwardedAddressesAreIgnoredUnlessTheSenderIsATrustedProxy()
    {
        var (_, untrusted) = await StartAsync("untrusted", settings => settings["Auth:SignInAttempts"] = "3");
        var (_, trusted) = await StartAsync("trusted", settings =>
        {
            settings["Auth:SignInAttempts"] = "3";
            settings["Auth:TrustedProxies:0"] = "127.0.0.1/32";
        });

        // From an untrusted sender a new X-Forwarded-For per attempt changes nothing: the limit is the socket's.
        Assert.Equal(new[] { 401, 401, 401, 429, 429 }, await AttemptsAsync(untrusted, i => $"203.0.113.{i}"));
        // Through a trusted proxy every forwarded client has its own allowance, and one client still runs out.
        Assert.Equal(new[] { 401, 401, 401, 401, 401 }, await AttemptsAsync(trusted, i => $"203.0.113.{i}"));
        Assert.Equal(new[] { 401, 401, 401, 429, 429 }, await AttemptsAsync(trusted, _ => "198.51.100.7"));
    }

    private static async Task<int[]> AttemptsAsync(string baseUrl, Func<int, string> forwardedFor)
    {
        using var client = new HttpClient { BaseAddress = new Uri(baseUrl) };
        var statuses = new int[5];
        for (var i = 0; i < 5; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/login") { Content = JsonContent.Create(new { email = TestAccounts.OwnerEmail, password = "wrong password, again" }) };
            request.Headers.Add("X-Forwarded-For", forwardedFor(i));
            statuses[i] = (int)(await client.SendAsync(request)).StatusCode;
        }
        return statuses;
    }

    private static Task<HttpResponseMessage> LoginAsync(HttpClient client, string password) =>
        client.PostAsJsonAsync("/api/auth/login", new { email = TestAccounts.OwnerEmail, password });

    private async Task<(DogMonitorApp App, string BaseUrl)> StartAsync(string variant, Action<Dictionary<string, string?>>? configure = null)
    {
        var port = FreePort.Next();
        var app = await environment.StartAppAsync(variant, configure, kestrelPort: port);
        return (app, $"http://127.0.0.1:{port}");
    }
}
