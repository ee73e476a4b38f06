using System.Net;
using System.Text.Json.Nodes;
using DogMonitor.Tests.Infrastructure;
using SkiaSharp;

namespace DogMonitor.Tests.Web;

/// <summary>The snapshots API end to end; runs once on the embedded default and once on PostgreSQL + S3.</summary>
public abstract class SnapshotsApiTests(AppEnvironment environment)
{
    private readonly HttpClient _client = environment.App.CreateClient();

    [Fact]
    public async Task CreatedSnapshotIsListedServesItsBytesAndDeletesCleanly()
    {
        var jpeg = TestImages.Jpeg(1280, 720);
        var created = await _client.PostJsonAsync("/api/snapshots", ApiClient.SnapshotBody(jpeg, labels: ["sitting", "good-boy"]));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var snapshot = await created.ReadJsonAsync();
        var id = (string)snapshot["id"]!;
        Assert.Equal($"/api/snapshots/{id}", created.Headers.Location?.OriginalString);
        Assert.Equal("2024-10-24T10:30:00Z", (string?)snapshot["timestamp"]);
        Assert.Equal(["sitting", "good-boy"], snapshot["labels"]!.AsArray().Select(l => (string)l!));
        Assert.Equal("Training session", (string?)snapshot["note"]);
        Assert.Equal(1280, (int)snapshot["width"]!);
        Assert.Equal(720, (int)snapshot["height"]!);
        Assert.Equal(jpeg.Length, (long)snapshot["size_bytes"]!);
        Assert.Equal("image/jpeg", (string?)snapshot["content_type"]);
        Assert.NotNull(snapshot["created_at"]);

        var listed = await (await _client.GetAsync("/api/snapshots?limit=200")).ReadJsonAsync();
        Assert.Contains(listed["items"]!.AsArray(), item => (string)item!["id"]! == id);

        var media = environment.MediaClient(environment.App);
        var imageUrl = (string)snapshot["image_url"]!;
        Assert.Equal(jpeg, await Download(media, imageUrl));
        var thumbnail = TestImages.Inspect(await Download(media, (string)snapshot["thumbnail_url"]!));
        Assert.Equal((320, 180, SKEncodedImageFormat.Jpeg), thumbnail);

        var deleted = await _client.DeleteAsync($"/api/snapshots/{id}");
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        await (await _client.GetAsync($"/api/snapshots/{id}")).AssertProblemAsync(404);
        Assert.Equal(HttpStatusCode.NotFound, (await media.GetAsync(imageUrl)).StatusCode);
        Assert.DoesNotContain((await AppEnvironment.ObjectKeysAsync(environment.App)), key => key.Contains(id.Replace("-", ""), StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("png", "image/png")]
    [InlineData("webp", "image/webp")]
    public async Task PngAndWebpAreStoredAsThemselvesWithJpegThumbnails(string format, string contentType)
    {
        var bytes = format == "png" ? TestImages.Png(800, 1200) : TestImages.Webp(800, 1200);
        var created = await _client.PostJsonAsync("/api/snapshots", ApiClient.SnapshotBody(bytes).With("frame_data", Convert.ToBase64String(bytes)));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var snapshot = await created.ReadJsonAsync();
        Assert.Equal(contentType, (string?)snapshot["content_type"]);
        var media = environment.MediaClient(environment.App);
        var image = await media.GetAsync((string)snapshot["image_url"]!);
        Assert.Equal(contentType, image.Content.Headers.ContentType?.MediaType);
        Assert.Equal(bytes, await image.Content.ReadAsByteArrayAsync());
        Assert.Equal((213, 320, SKEncodedImageFormat.Jpeg), TestImages.Inspect(await Download(media, (string)snapshot["thumbnail_url"]!)));
    }

    [Fact]
    public async Task GetReturnsTheSnapshotWithFreshWorkingUrls()
    {
        var created = await (await _client.PostJsonAsync("/api/snapshots", ApiClient.SnapshotBody())).ReadJsonAsync();

        var fetched = await _client.GetAsync($"/api/snapshots/{created["id"]}");

        Assert.Equal(HttpStatusCode.OK, fetched.StatusCode);
        var snapshot = await fetched.ReadJsonAsync();
        Assert.Equal((string)created["id"]!, (string)snapshot["id"]!);
        Assert.Equal(HttpStatusCode.OK, (await environment.MediaClient(environment.App).GetAsync((string)snapshot["thumbnail_url"]!)).StatusCode);
    }

    [Fact]
    public async Task PagesWalkNewestFirstWithoutGapsOrRepeatsWhileNewItemsArrive()
    {
        var app = await environment.StartAppAsync("paging");
        var client = app.CreateClient();
        var image = TestImages.Jpeg(64, 48);
        for (var minute = 0; minute < 7; minute++)
            await Created(client, ApiClient.SnapshotBody(image, timestamp: $"2025-01-01T08:{minute:00}:00Z"));

        var seen = new List<string>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await (await client.GetAsync($"/api/snapshots?limit=3{(cursor is null ? "" : $"&cursor={cursor}")}")).ReadJsonAsync();
            seen.AddRange(page["items"]!.AsArray().Select(i => (string)i!["timestamp"]!));
            cursor = (string?)page["next_cursor"];
            if (pages++ == 0) // a newer snapshot arriving mid-walk must not shift the pages
                await Created(client, ApiClient.SnapshotBody(image, timestamp: "2025-01-01T09:00:00Z"));
        } while (cursor is not null);

        Assert.Equal(3, pages);
        Assert.Equal(Enumerable.Range(0, 7).Reverse().Select(m => $"2025-01-01T08:{m:00}:00Z"), seen);
    }

    [Fact]
    public async Task FiltersByLabelCameraAndTimeRange()
    {
        var app = await environment.StartAppAsync("filters");
        var client = app.CreateClient();
        var image = TestImages.Jpeg(64, 48);
        await Created(client, new Dictionary<string, object?> { ["timestamp"] = "2025-02-01T10:00:00Z", ["labels"] = new[] { "Fetch" }, ["camera_id"] = "yard", ["frame_data"] = TestImages.DataUrl(image) });
        await Created(client, new Dictionary<string, object?> { ["timestamp"] = "2025-02-02T10:00:00Z", ["labels"] = new[] { "sleep" }, ["camera_id"] = "kitchen", ["frame_data"] = TestImages.DataUrl(image) });
        await Created(client, new Dictionary<string, object?> { ["timestamp"] = "2025-02-03T10:00:00Z", ["labels"] = new[] { "fetch", "sleep" }, ["camera_id"] = "yard", ["frame_data"] = TestImages.DataUrl(image) });

        Assert.Equal(["2025-02-03T10:00:00Z", "2025-02-01T10:00:00Z"], await Timestamps(client, "label=FETCH"));
        Assert.Equal(["2025-02-02T10:00:00Z"], await Timestamps(client, "camera_id=kitchen"));
        Assert.Equal(["2025-02-02T10:00:00Z"], await Timestamps(client, "from=2025-02-02T00:00:00Z&to=2025-02-03T10:00:00Z"));
        Assert.Equal(["2025-02-03T10:00:00Z"], await Timestamps(client, "label=sleep&camera_id=yard"));
    }

    private static async Task<byte[]> Download(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.True(response.IsSuccessStatusCode, $"GET {url} answered {(int)response.StatusCode}");
        return await response.Content.ReadAsByteArrayAsync();
    }

    private static async Task Created(HttpClient client, object body)
    {
        var response = await client.PostJsonAsync("/api/snapshots", body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
    }

    private static async Task<string[]> Timestamps(HttpClient client, string query)
    {
        var page = await (await client.GetAsync($"/api/snapshots?{query}")).ReadJsonAsync();
        return page["items"]!.AsArray().Select(i => (string)i!["timestamp"]!).ToArray();
    }
}

public sealed class SnapshotsApiOnEmbeddedDefault(EmbeddedEnvironment environment)
    : SnapshotsApiTests(environment), IClassFixture<EmbeddedEnvironment>;

public sealed class SnapshotsApiOnPostgresAndS3(ProductionEnvironment environment)
    : SnapshotsApiTests(environment), IClassFixture<ProductionEnvironment>;
