using System.Net;
using System.Text.Json.Nodes;
using DogMonitor.Tests.Infrastructure;

namespace DogMonitor.Tests.Web;

public abstract class OpenApiAndHealthTests(AppEnvironment environment)
{
    [Fact]
    public async Task OpenApiDocumentDescribesTheSnapshotsApiInSnakeCase()
    {
        var response = await environment.App.CreateClient().GetAsync("/openapi/v1.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var paths = document["paths"]!.AsObject();
        Assert.True(paths.ContainsKey("/api/snapshots"));
        Assert.True(paths.ContainsKey("/api/snapshots/{id}"));
        var snapshot = document["components"]!["schemas"]!["SnapshotResponse"]!["properties"]!.AsObject();
        Assert.Equal(
            ["id", "timestamp", "camera_id", "labels", "note", "image_url", "thumbnail_url", "width", "height", "size_bytes", "content_type", "created_at"],
            snapshot.Select(p => p.Key));
    }

    [Fact]
    public async Task ApiReferencePageIsServed()
    {
        var response = await (await environment.App.CreateSessionClientAsync()).GetAsync("/api/docs");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("DogMonitor API", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task HealthReportsDatabaseAndMediaStoreSeparatelyToASignedInUser()
    {
        var response = await (await environment.App.CreateSessionClientAsync()).GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var health = await response.ReadJsonAsync();
        Assert.Equal("healthy", (string?)health["checks"]!["database"]!["status"]);
        Assert.Equal("healthy", (string?)health["checks"]!["media_store"]!["status"]);
    }

    [Fact]
    public async Task HomePageRenders()
    {
        var response = await (await environment.App.CreateSessionClientAsync()).GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("DogMonitor", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}

public sealed class OpenApiAndHealthOnEmbeddedDefault(EmbeddedEnvironment environment)
    : OpenApiAndHealthTests(environment), IClassFixture<EmbeddedEnvironment>;

public sealed class OpenApiAndHealthOnPostgresAndS3(ProductionEnvironment environment)
    : OpenApiAndHealthTests(environment), IClassFixture<ProductionEnvironment>;
