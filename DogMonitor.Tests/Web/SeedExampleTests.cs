using System.Text.Json.Nodes;
using DogMonitor.Tests.Infrastructure;

namespace DogMonitor.Tests.Web;

/// <summary>The design note's curl examples, run by curl against the app on a real socket, as written.</summary>
public abstract class SeedExampleTests(AppEnvironment environment)
{
    // Verbatim from the design note ("Create Snapshot") plus the one header sign-in added; only the image is completed.
    private const string CreateSnapshot = """
        curl -X POST http://localhost:8000/api/snapshots \
          -H "Authorization: Bearer $DOGMONITOR_API_KEY" \
          -H "Content-Type: application/json" \
          -d '{
            "timestamp": "2024-10-24T10:30:00Z",
            "labels": ["sitting", "good-boy"],
            "note": "Training session",
            "frame_data": "data:image/jpeg;base64,/9j/4AAQ..."
          }'
        """;

    [Fact]
    public async Task CreateSnapshotExampleStoresTheSnapshot()
    {
        var port = FreePort.Next();
        var app = await environment.StartAppAsync("seed", kestrelPort: port);
        var jpeg = Convert.ToBase64String(TestImages.Jpeg(640, 360));
        Assert.StartsWith("/9j/4AAQ", jpeg, StringComparison.Ordinal); // a JFIF JPEG, as the example's prefix shows
        var command = CreateSnapshot.Replace("/9j/4AAQ...", jpeg, StringComparison.Ordinal);

        var output = await Curl.RunAsync(command, $"http://127.0.0.1:{port}", app.OwnerKey);

        var snapshot = JsonNode.Parse(output)!.AsObject();
        Assert.Equal(["sitting", "good-boy"], snapshot["labels"]!.AsArray().Select(l => (string)l!));
        Assert.Equal("Training session", (string?)snapshot["note"]);
        var fetched = await new HttpClient().WithKey(app.OwnerKey).GetAsync($"http://127.0.0.1:{port}/api/snapshots/{snapshot["id"]}");
        Assert.Equal(System.Net.HttpStatusCode.OK, fetched.StatusCode);
        Assert.Equal(1, await AppEnvironment.SnapshotRowsAsync(app));
    }
}

public sealed class SeedExamplesOnEmbeddedDefault(EmbeddedEnvironment environment)
    : SeedExampleTests(environment), IClassFixture<EmbeddedEnvironment>;

public sealed class SeedExamplesOnPostgresAndS3(ProductionEnvironment environment)
    : SeedExampleTests(environment), IClassFixture<ProductionEnvironment>;
