using System.Text.Json.Nodes;
using DogMonitor.Tests.Infrastructure;
using DogMonitor.Tests.Web.Downloads;

namespace DogMonitor.Tests.Web.Search;

/// <summary>
/// <c>GET /api/labels</c> on both databases: the caller's labels on snapshots and clips together, counted, most used
/// first, narrowed by a prefix taken literally; someone else's labels never show.
/// </summary>
public abstract class LabelsApiTests(AppEnvironment environment)
{
    [Fact]
    public async Task LabelsInUseAreCountedMostUsedFirst()
    {
        var app = await environment.StartAppAsync("labels");
        var client = app.CreateClient();
        await SearchApiTests.PostAsync(client, null, ["fetch", "nap"]);
        await SearchApiTests.PostAsync(client, null, ["Fetch", "a_b"]);
        await SearchApiTests.PostAsync(client, null, ["ab"]);
        await StoredClips.AddAsync(app, labels: ["fetch", "zoomies"]);
        await StoredClips.AddAsync(app, labels: ["zoomies"]);

        Assert.Equal([("fetch", 3), ("zoomies", 2), ("a_b", 1), ("ab", 1), ("nap", 1)], await LabelsAsync(client, ""));
        Assert.Equal([("zoomies", 2)], await LabelsAsync(client, "?prefix=z"));
        Assert.Equal([("fetch", 3)], await LabelsAsync(client, "?prefix=FE"));
        Assert.Equal([("fetch", 3), ("zoomies", 2)], await LabelsAsync(client, "?limit=2"));
        // The prefix is taken literally: neither _ nor % is a wildcard.
        Assert.Equal([("a_b", 1)], await LabelsAsync(client, "?prefix=a_"));
        Assert.Empty(await LabelsAsync(client, "?prefix=%25"));
        Assert.Empty(await LabelsAsync(client, "?prefix=cat"));
    }

    [Fact]
    public async Task AnotherPersonsLabelsNeverShow()
    {
        var app = await environment.StartAppAsync("label-isolation");
        var owner = app.CreateClient();
        await SearchApiTests.PostAsync(owner, null, ["fetch"]);
        var second = await TestAccounts.CreateUserAsync(app.Services, "second@dogmonitor.test", cameras: ["test-pattern"]);
        var other = app.CreateClient().WithKey(second.Key);
        await SearchApiTests.PostAsync(other, null, ["beach", "fetch"]);

        Assert.Equal([("fetch", 1)], await LabelsAsync(owner, ""));
        Assert.Equal([("beach", 1), ("fetch", 1)], await LabelsAsync(other, ""));
        Assert.Empty(await LabelsAsync(owner, "?prefix=bea"));
    }

    [Theory]
    [InlineData("?limit=0", "limit")]
    [InlineData("?limit=101", "limit")]
    [InlineData("?prefix=aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "prefix")]
    public async Task BadParametersAreRefused(string query, string field)
    {
        var problem = await (await environment.App.CreateClient().GetAsync("/api/labels" + query)).AssertProblemAsync(400);
        Assert.NotNull(problem["errors"]![field]);
    }

    [Fact]
    public async Task LabelsNeedCredentials()
    {
        await (await environment.App.CreateAnonymousClient().GetAsync("/api/labels")).AssertProblemAsync(401);
        await (await environment.App.CreateAnonymousClient().GetAsync("/api/labels?prefix=f")).AssertProblemAsync(401);
    }

    private static async Task<List<(string, int)>> LabelsAsync(HttpClient client, string query)
    {
        var response = await client.GetAsync("/api/labels" + query);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        return [.. JsonNode.Parse(body)!["items"]!.AsArray().Select(i => ((string)i!["label"]!, (int)i["count"]!))];
    }
}

public sealed class LabelsApiOnEmbeddedDefault(EmbeddedEnvironment environment)
    : LabelsApiTests(environment), IClassFixture<EmbeddedEnvironment>;

public sealed class LabelsApiOnPostgresAndS3(ProductionEnvironment environment)
    : LabelsApiTests(environment), IClassFixture<ProductionEnvironment>;
