using System.IO.Compression;
using System.Net;
using System.Text.Json.Nodes;
using DogMonitor.Domain.Clips;
using DogMonitor.Domain.Storage;
using DogMonitor.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace DogMonitor.Tests.Web.Downloads;

/// <summary>Single downloads and the batch zip, on the embedded default and on PostgreSQL + S3.</summary>
public abstract class DownloadsApiTests(AppEnvironment environment)
{
    private readonly HttpClient _client = environment.App.CreateClient();

    [Theory]
    [InlineData("jpeg", "image/jpeg", ".jpg")]
    [InlineData("png", "image/png", ".png")]
    public async Task ASnapshotDownloadsAsItsOriginalImageInAnAttachment(string format, string contentType, string extension)
    {
        var image = format == "png" ? TestImages.Png(800, 600) : TestImages.Jpeg(1280, 720);
        var snapshot = await CreateSnapshotAsync(image, "2024-10-24T10:30:05Z");

        var response = await _client.GetAsync($"/api/snapshots/{snapshot}/download");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(contentType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal($"dogmonitor-snapshot-upload-20241024-103005{extension}", FileName(response));
        Assert.Equal(image.Length, response.Content.Headers.ContentLength);
        Assert.Equal(image, await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task AReadyClipDownloadsAsItsMp4InAnAttachment()
    {
        var clip = await StoredClips.AddAsync(environment.App, timestamp: new DateTime(2025, 3, 1, 7, 8, 9, DateTimeKind.Utc));

        var response = await _client.GetAsync($"/api/clips/{clip.Id}/download");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("video/mp4", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("dogmonitor-clip-test-pattern-20250301-070809.mp4", FileName(response));
        Assert.Equal(clip.Video.Length, response.Content.Headers.ContentLength);
        Assert.Equal(clip.Video, await response.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData(ClipStatus.Queued)]
    [InlineData(ClipStatus.Processing)]
    [InlineData(ClipStatus.Failed)]
    public async Task AClipThatIsNotReadyIs409(ClipStatus status)
    {
        var clip = await StoredClips.AddAsync(environment.App, status);

        await (await _client.GetAsync($"/api/clips/{clip.Id}/download")).AssertProblemAsync(409);
    }

    [Theory]
    [InlineData("/api/snapshots/0193f1c2-7a4e-7cc1-9d2b-5b7f3e0a1c9d/download", 404)]
    [InlineData("/api/clips/0193f1c2-7a4e-7cc1-9d2b-5b7f3e0a1c9d/download", 404)]
    [InlineData("/api/snapshots/not-an-id/download", 400)]
    [InlineData("/api/clips/12345/download", 400)]
    public async Task UnknownAndMalformedIdsAreProblems(string url, int status)
    {
        await (await _client.GetAsync(url)).AssertProblemAsync(status);
    }

    [Fact]
    public async Task AnObjectGoneFromTheStoreIsA404ProblemNotA500()
    {
        var clip = await StoredClips.AddAsync(environment.App);
        await StoredClips.DeleteObjectAsync(environment.App, ClipKeys.Video(clip.Id));

        var problem = await (await _client.GetAsync($"/api/clips/{clip.Id}/download")).AssertProblemAsync(404);
        Assert.Contains("missing", (string?)problem["detail"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheStoreOpensAnObjectForStreamingAndSaysWhenItIsMissing()
    {
        var clip = await StoredClips.AddAsync(environment.App);
        var store = environment.App.Services.GetRequiredService<IMediaStore>();

        await using (var media = await store.OpenReadAsync(ClipKeys.Video(clip.Id), TestContext.Current.CancellationToken))
        {
            Assert.NotNull(media);
            Assert.Equal(clip.Video.Length, media.Length);
            Assert.Equal("video/mp4", media.ContentType);
            var copy = new MemoryStream();
            await media.Content.CopyToAsync(copy, TestContext.Current.CancellationToken);
            Assert.Equal(clip.Video, copy.ToArray());
        }
        Assert.Null(await store.OpenReadAsync($"clips/{Guid.NewGuid():N}/video.mp4", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task TheZipHoldsEachItemUnderAReadableNameWithItsExactBytes()
    {
        var first = TestImages.Jpeg(640, 360);
        var second = TestImages.Png(320, 240);
        var third = TestImages.Jpeg(400, 300);
        var a = await CreateSnapshotAsync(first, "2024-10-24T10:30:00Z");
        var b = await CreateSnapshotAsync(second, "2024-10-24T10:31:00Z");
        var c = await CreateSnapshotAsync(third, "2024-10-24T10:30:00Z"); // same second as the first
        var clip = await StoredClips.AddAsync(environment.App, timestamp: new DateTime(2024, 10, 24, 11, 0, 0, DateTimeKind.Utc));

        var response = await _client.GetAsync($"/api/downloads.zip?snapshot_id={a}&snapshot_id={b}&snapshot_id={c}&snapshot_id={a}&clip_id={clip.Id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Matches(@"^dogmonitor-\d{8}-\d{6}\.zip$", FileName(response));
        await using var zip = await ZipArchive.CreateAsync(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), ZipArchiveMode.Read, false, null);
        Assert.Equal(
            ["dogmonitor-snapshot-upload-20241024-103000.jpg", "dogmonitor-snapshot-upload-20241024-103100.png",
             "dogmonitor-snapshot-upload-20241024-103000-2.jpg", "dogmonitor-clip-test-pattern-20241024-110000.mp4"],
            zip.Entries.Select(e => e.FullName));
        Assert.Equal(first, await ReadAsync(zip.Entries[0]));
        Assert.Equal(second, await ReadAsync(zip.Entries[1]));
        Assert.Equal(third, await ReadAsync(zip.Entries[2]));
        Assert.Equal(clip.Video, await ReadAsync(zip.Entries[3]));
    }

    [Theory]
    [InlineData("")]
    [InlineData("?snapshot_id=")]
    [InlineData("?snapshot_id=not-an-id")]
    [InlineData("?clip_id=0193f1c2-7a4e-7cc1-9d2b-5b7f3e0a1c9d&clip_id=12")]
    public async Task ABatchWithoutItemsOrWithMalformedIdsIs400(string query)
    {
        await (await _client.GetAsync("/api/downloads.zip" + query)).AssertProblemAsync(400);
    }

    [Fact]
    public async Task ABatchOfMoreThanAHundredItemsIs400()
    {
        var ids = Enumerable.Range(0, 101).Select(_ => $"snapshot_id={Guid.NewGuid()}");

        var problem = await (await _client.GetAsync("/api/downloads.zip?" + string.Join('&', ids))).AssertProblemAsync(400);
        Assert.Contains("at most 100", (string?)problem["detail"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownIdsInABatchAre404NamingEachOfThem()
    {
        var known = await CreateSnapshotAsync(TestImages.Jpeg(64, 64), "2024-10-24T10:30:00Z");
        Guid missingSnapshot = Guid.NewGuid(), missingClip = Guid.NewGuid();

        var response = await _client.GetAsync($"/api/downloads.zip?snapshot_id={known}&snapshot_id={missingSnapshot}&clip_id={missingClip}");

        var problem = await response.AssertProblemAsync(404);
        Assert.Equal([$"snapshot {missingSnapshot}", $"clip {missingClip}"], problem["not_found"]!.AsArray().Select(n => (string)n!));
        Assert.DoesNotContain(known, (string?)problem["detail"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task AClipNotReadyInABatchIs409BeforeAnyByteIsSent()
    {
        var ready = await StoredClips.AddAsync(environment.App);
        var queued = await StoredClips.AddAsync(environment.App, ClipStatus.Queued);

        var problem = await (await _client.GetAsync($"/api/downloads.zip?clip_id={ready.Id}&clip_id={queued.Id}")).AssertProblemAsync(409);
        Assert.Equal([$"clip {queued.Id} is queued"], problem["not_ready"]!.AsArray().Select(n => (string)n!));
    }

    [Fact]
    public async Task TheOpenApiDocumentDescribesTheDownloads()
    {
        var document = JsonNode.Parse(await _client.GetStringAsync("/openapi/v1.json"))!;
        var paths = document["paths"]!.AsObject();

        foreach (var path in new[] { "/api/snapshots/{id}/download", "/api/clips/{id}/download", "/api/downloads.zip", "/s/{token}/download", "/s/{token}/preview" })
        {
            var get = paths[path]?["get"];
            Assert.True(get is not null, $"{path} is not in the OpenAPI document");
            Assert.False(string.IsNullOrWhiteSpace((string?)get["summary"]), $"{path} has no summary");
            Assert.NotEmpty(get["tags"]!.AsArray());
        }
        Assert.True(paths["/api/downloads.zip"]!["get"]!["responses"]!["200"]!["content"]!.AsObject().ContainsKey("application/zip"));
        var parameters = paths["/api/downloads.zip"]!["get"]!["parameters"]!.AsArray().Select(p => (string)p!["name"]!);
        Assert.Equal(["snapshot_id", "clip_id"], parameters);
    }

    private async Task<string> CreateSnapshotAsync(byte[] image, string timestamp)
    {
        var created = await _client.PostJsonAsync("/api/snapshots", ApiClient.SnapshotBody(image, timestamp: timestamp)
            .With("frame_data", Convert.ToBase64String(image)));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (string)(await created.ReadJsonAsync())["id"]!;
    }

    private static string? FileName(HttpResponseMessage response) =>
        response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName?.Trim('"');

    private static async Task<byte[]> ReadAsync(ZipArchiveEntry entry)
    {
        await using var stream = await entry.OpenAsync();
        var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }
}

public sealed class DownloadsApiOnEmbeddedDefault(EmbeddedEnvironment environment)
    : DownloadsApiTests(environment), IClassFixture<EmbeddedEnvironment>;

public sealed class DownloadsApiOnPostgresAndS3(ProductionEnvironment environment)
    : DownloadsApiTests(environment), IClassFixture<ProductionEnvironment>
{
    [Fact]
    public async Task AnUnreachableS3ServerIsA503ProblemNotA500()
    {
        var app = await environment.StartAppAsync("s3-down", brokenMediaStore: true);
        var clip = await StoredClips.AddAsync(app, storeObjects: false);

        var problem = await (await app.CreateClient().GetAsync($"/api/clips/{clip.Id}/download")).AssertProblemAsync(503);
        Assert.Contains("could not read", (string?)problem["detail"], StringComparison.Ordinal);
    }
}
