using DogMonitor.Tests.Infrastructure;

namespace DogMonitor.Tests.Web;

/// <summary>When the media store or the database fails, the answer says so and nothing is left half-written.</summary>
public abstract class DependencyFailureTests(AppEnvironment environment)
{
    [Fact]
    public async Task MediaStoreUnreachableDuringPostIs503AndLeavesNoRow()
    {
        var app = await environment.StartAppAsync("store-down", brokenMediaStore: true);

        var response = await app.CreateClient().PostJsonAsync("/api/snapshots", ApiClient.SnapshotBody());

        var problem = await response.AssertProblemAsync(503);
        Assert.Contains("media store", (string?)problem["title"], StringComparison.OrdinalIgnoreCase);
        Assert.Equal(0, await AppEnvironment.SnapshotRowsAsync(app));
    }

    [Fact]
    public async Task MediaStoreUnreachableShowsInHealth()
    {
        var app = await environment.StartAppAsync("store-down-health", brokenMediaStore: true);

        var response = await (await app.CreateSessionClientAsync()).GetAsync("/healthz");

        Assert.Equal(System.Net.HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var health = await response.ReadJsonAsync();
        Assert.Equal("healthy", (string?)health["checks"]!["database"]!["status"]);
        Assert.Equal("unhealthy", (string?)health["checks"]!["media_store"]!["status"]);
    }

    [Fact]
    public async Task FailingDatabaseWriteIs503AndRemovesTheUploadedObjects()
    {
        const string poison = "make-the-database-fail";
        var app = await environment.StartAppAsync("db-fails");
        await AppEnvironment.ExecuteSqlAsync(app, environment.FailingInsertSql(poison));
        var client = app.CreateClient();
        Assert.Equal(System.Net.HttpStatusCode.Created, (await client.PostJsonAsync("/api/snapshots", ApiClient.SnapshotBody(note: "fine"))).StatusCode);
        var objectsBefore = await AppEnvironment.ObjectKeysAsync(app);

        var response = await client.PostJsonAsync("/api/snapshots", ApiClient.SnapshotBody(note: poison));

        var problem = await response.AssertProblemAsync(503);
        Assert.Contains("database", (string?)problem["title"], StringComparison.OrdinalIgnoreCase);
        Assert.Equal(objectsBefore, await AppEnvironment.ObjectKeysAsync(app));
        Assert.Equal(1, await AppEnvironment.SnapshotRowsAsync(app));
    }
}

public sealed class DependencyFailuresOnEmbeddedDefault(EmbeddedEnvironment environment)
    : DependencyFailureTests(environment), IClassFixture<EmbeddedEnvironment>;

public sealed class DependencyFailuresOnPostgresAndS3(ProductionEnvironment environment)
    : DependencyFailureTests(environment), IClassFixture<ProductionEnvironment>;
