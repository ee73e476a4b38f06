using DogMonitor.Tests.Infrastructure;
using static DogMonitor.Tests.Web.Clips.ClipPolling;

namespace DogMonitor.Tests.Web.Clips;

/// <summary>Bad clip and share requests are 4xx problems that queue nothing.</summary>
public abstract class ClipBadInputTests(AppEnvironment environment)
{
    public static TheoryData<string, string> BadClips => new()
    {
        { "missing start_ts", """{"duration_ms": 5000}""" },
        { "unparsable start_ts", """{"start_ts": "soon", "duration_ms": 5000}""" },
        { "start far in the future", $$"""{"start_ts": "{{Iso(DateTime.UtcNow.AddHours(1))}}", "duration_ms": 5000}""" },
        { "duration under a second", """{"start_ts": "2026-01-01T00:00:00Z", "duration_ms": 999}""" },
        { "negative duration", """{"start_ts": "2026-01-01T00:00:00Z", "duration_ms": -5000}""" },
        { "duration over the maximum", """{"start_ts": "2026-01-01T00:00:00Z", "duration_ms": 300001}""" },
        { "absurd duration", """{"start_ts": "2026-01-01T00:00:00Z", "duration_ms": 99999999999999}""" },
        { "duration as text", """{"start_ts": "2026-01-01T00:00:00Z", "duration_ms": "five seconds"}""" },
        { "missing duration", """{"start_ts": "2026-01-01T00:00:00Z"}""" },
        { "unknown camera", """{"start_ts": "2026-01-01T00:00:00Z", "duration_ms": 5000, "camera_id": "garage"}""" },
        { "unknown mode", """{"start_ts": "2026-01-01T00:00:00Z", "duration_ms": 5000, "mode": "slow-motion"}""" },
        { "a label with markup", """{"start_ts": "2026-01-01T00:00:00Z", "duration_ms": 5000, "labels": ["<b>"]}""" },
        { "malformed JSON", """{"start_ts": """ },
    };

    [Theory]
    [MemberData(nameof(BadClips))]
    public async Task BadClipRequestsAre400AndQueueNothing(string name, string body)
    {
        var client = environment.App.CreateClient();
        var before = await (await client.GetAsync("/api/clips?limit=200")).ReadJsonAsync();

        var response = await client.PostAsync("/api/clips", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        var problem = await response.AssertProblemAsync(400);
        Assert.False(string.IsNullOrEmpty(name) || problem.Count == 0);
        var after = await (await client.GetAsync("/api/clips?limit=200")).ReadJsonAsync();
        Assert.Equal(before["items"]!.AsArray().Count, after["items"]!.AsArray().Count);
    }

    [Theory]
    [InlineData("""{"expires_in_hours": 0}""")]
    [InlineData("""{"expires_in_hours": 100000}""")]
    [InlineData("""{"expires_in_hours": "a day"}""")]
    public async Task BadShareRequestsAre400(string body)
    {
        var client = environment.App.CreateClient();
        var created = await client.PostJsonAsync("/api/clips", new { start_ts = Iso(DateTime.UtcNow.AddSeconds(-20)), duration_ms = 1000 });
        var id = (string)(await created.ReadJsonAsync())["id"]!;

        var response = await client.PostAsync($"/api/clips/{id}/share", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        await response.AssertProblemAsync(400);
    }

    [Theory]
    [InlineData("GET", "/api/clips/0193f1c2-7a4e-7cc1-9d2b-5b7f3e0a1c9d", 404)]
    [InlineData("DELETE", "/api/clips/0193f1c2-7a4e-7cc1-9d2b-5b7f3e0a1c9d", 404)]
    [InlineData("POST", "/api/clips/0193f1c2-7a4e-7cc1-9d2b-5b7f3e0a1c9d/share", 404)]
    [InlineData("DELETE", "/api/clips/0193f1c2-7a4e-7cc1-9d2b-5b7f3e0a1c9d/share", 404)]
    [InlineData("GET", "/api/clips/not-an-id", 400)]
    [InlineData("GET", "/api/clips?status=lost", 400)]
    [InlineData("GET", "/s/AAAAAAAAAAAAAAAAAAAAAA/video", 404)]
    [InlineData("GET", "/api/cameras/garage/live.m3u8", 404)]
    [InlineData("GET", "/api/cameras/test-pattern/..%2F..%2Fdogmonitor.db", 404)]
    public async Task UnknownThingsAreProblems(string method, string url, int status)
    {
        var response = await environment.App.CreateClient().SendAsync(new HttpRequestMessage(new HttpMethod(method), url));

        await response.AssertProblemAsync(status);
    }
}

public sealed class ClipBadInputOnEmbeddedDefault(EmbeddedEnvironment environment)
    : ClipBadInputTests(environment), IClassFixture<EmbeddedEnvironment>;

public sealed class ClipBadInputOnPostgresAndS3(ProductionEnvironment environment)
    : ClipBadInputTests(environment), IClassFixture<ProductionEnvironment>;
