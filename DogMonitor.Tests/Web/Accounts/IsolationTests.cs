using System.Net;
using DogMonitor.Tests.Infrastructure;
using DogMonitor.Tests.Web.Downloads;

namespace DogMonitor.Tests.Web.Accounts;

/// <summary>
/// Two people on one installation: neither can list, count, read, change, delete, share, download or zip the other's
/// items, and an unknown id and someone else's id get the same 404, so nothing leaks that an item exists.
/// </summary>
public abstract class IsolationTests(AppEnvironment environment)
{
    [Fact]
    public async Task ASecondUserSeesNoneOfTheFirstUsersItems()
    {
        var app = environment.App;
        var owner = app.CreateClient();
        var snapshot = (string)(await (await owner.PostJsonAsync("/api/snapshots", ApiClient.SnapshotBody(note: "owner's own"))).ReadJsonAsync())["id"]!;
        var clip = (await StoredClips.AddAsync(app)).Id;
        var second = await TestAccounts.CreateUserAsync(app.Services, $"second-{Guid.NewGuid():N}@dogmonitor.test", cameras: ["test-pattern"]);
        var other = app.CreateClient().WithKey(second.Key);

        Assert.Empty((await (await other.GetAsync("/api/snapshots")).ReadJsonAsync())["items"]!.AsArray());
        Assert.Empty((await (await other.GetAsync("/api/clips")).ReadJsonAsync())["items"]!.AsArray());
        foreach (var (method, path) in new[]
        {
            ("GET", $"/api/snapshots/{snapshot}"), ("PATCH", $"/api/snapshots/{snapshot}"), ("DELETE", $"/api/snapshots/{snapshot}"),
            ("POST", $"/api/snapshots/{snapshot}/share"), ("DELETE", $"/api/snapshots/{snapshot}/share"), ("GET", $"/api/snapshots/{snapshot}/download"),
            ("GET", $"/api/clips/{clip}"), ("PATCH", $"/api/clips/{clip}"), ("DELETE", $"/api/clips/{clip}"),
            ("POST", $"/api/clips/{clip}/share"), ("DELETE", $"/api/clips/{clip}/share"), ("GET", $"/api/clips/{clip}/download"),
            ("GET", $"/api/downloads.zip?snapshot_id={snapshot}"), ("GET", $"/api/downloads.zip?clip_id={clip}"),
        })
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), path);
            if (method == "PATCH") request.Content = new StringContent("{\"note\":\"mine now\"}", System.Text.Encoding.UTF8, "application/json");
            var theirs = await (await other.SendAsync(request)).AssertProblemAsync(404);
            Assert.DoesNotContain("owner's own", theirs.ToJsonString(), StringComparison.Ordinal);
        }

        // Still the owner's, untouched.
        var kept = await (await owner.GetAsync($"/api/snapshots/{snapshot}")).ReadJsonAsync();
        Assert.Equal("owner's own", (string?)kept["note"]);
        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync($"/api/clips/{clip}")).StatusCode);
        Assert.Single((await (await other.GetAsync("/api/keys")).ReadJsonAsync())["items"]!.AsArray()); // only their own key
    }
}

public sealed class IsolationOnEmbeddedDefault(EmbeddedEnvironment environment)
    : IsolationTests(environment), IClassFixture<EmbeddedEnvironment>;

public sealed class IsolationOnPostgresAndS3(ProductionEnvironment environment)
    : IsolationTests(environment), IClassFixture<ProductionEnvironment>;
