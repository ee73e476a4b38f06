using System.Net.Http.Json;
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
    public async Task ClipUploadsWhileTheStoreIsDown_AreTriedAgain_ThenFailNamingTheStore()
    {
        var app = await environment.StartAppAsync("store-down-clips", settings =>
        {
            settings["Recording:Enabled"] = "true";
            settings["Cameras:0:Id"] = "test-pattern";
            settings["Cameras:0:Source"] = "synthetic:320x180@10";
            settings["Clips:MaxAttempts"] = "2";
            settings["Clips:QueuedRepublishAfter"] = "00:00:05"; // the least allowed: tried again 5 s after the first failure
            settings["Clips:Lease"] = "00:00:05"; // the sweeper looks every 1.7 s
        }, brokenMediaStore: true);
        var client = app.CreateClient();
        var last = await BufferedUntilAsync(client, TimeSpan.FromSeconds(4));

        var created = await (await client.PostJsonAsync("/api/clips", new { start_ts = last.AddSeconds(-3).ToString("O"), duration_ms = 2000 })).ReadJsonAsync();
        var id = (string)created["id"]!;
        var clip = await Clips.ClipPolling.UntilAsync(client, id, TimeSpan.FromSeconds(90), "failed");

        var error = (string)clip["error"]!;
        Assert.StartsWith("Cutting was tried 2 times without success. The last try failed: The media ", error, StringComparison.Ordinal);
        Assert.Matches("The media (folder|store) .* could not", error);
        Assert.Single(app.Logs, line => line.Contains($"Clip {id} failed, out of attempts", StringComparison.Ordinal));
        Assert.Equal(2, app.Logs.Count(line => line.Contains($"Clip {id} goes back to the queue", StringComparison.Ordinal))); // cut twice, upload refused twice
    }

    private static async Task<DateTime> BufferedUntilAsync(HttpClient client, TimeSpan span)
    {
        var deadline = DateTime.UtcNow.AddSeconds(45);
        while (DateTime.UtcNow < deadline)
        {
            var camera = (await client.GetFromJsonAsync<System.Text.Json.Nodes.JsonArray>("/api/cameras"))!.Single()!;
            if (camera["buffer_first"] is { } first && camera["buffer_last"] is { } last && (DateTime)last - (DateTime)first >= span)
                return ((DateTime)last).ToUniversalTime();
            await Task.Delay(250);
        }
        throw new InvalidOperationException($"The synthetic camera did not record {span.TotalSeconds} s in 45 s (is ffmpeg installed?).");
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
