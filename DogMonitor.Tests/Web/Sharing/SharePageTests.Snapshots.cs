using System.Net;
using System.Text.Json.Nodes;
using DogMonitor.Tests.Infrastructure;

namespace DogMonitor.Tests.Web.Sharing;

/// <summary>Share links to snapshots: the same contract as for clips, with the image in place of the player.</summary>
public abstract partial class SharePageTests
{
    private static readonly DateTime SnapshotTime = new(2025, 5, 6, 7, 8, 9, DateTimeKind.Utc);

    [Fact]
    public async Task ASnapshotLinkIsCreatedAndItsPageShowsTheImage()
    {
        var (id, _) = await StoreSnapshotAsync(note: "Asleep <again> on the sofa");

        var created = await _owner.PostAsync($"/api/snapshots/{id}/share", null);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.ReadJsonAsync();
        var url = (string)body["url"]!;
        Assert.Matches(@"^http://localhost/s/[A-Za-z0-9_-]{22}$", url);
        Assert.Equal(url, created.Headers.Location?.ToString());
        var expiresAt = DateTime.Parse((string)body["expires_at"]!, System.Globalization.CultureInfo.InvariantCulture).ToUniversalTime();
        Assert.InRange(expiresAt - DateTime.UtcNow, TimeSpan.FromHours(23.9), TimeSpan.FromHours(24)); // the default lifetime
        var path = new Uri(url).AbsolutePath;

        var page = await _stranger.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.True(page.Headers.CacheControl?.NoStore, "no cache may keep a share link's answer");
        var html = await page.Content.ReadAsStringAsync();
        Assert.Matches($"<img src=\"{path}/preview\" alt=\"Snapshot from Test pattern at 6 May 2025, 07:08:09 UTC\"", html);
        Assert.Matches("<time datetime=\"2025-05-06T07:08:09Z\"[^>]*>6 May 2025, 07:08:09 UTC</time>", html);
        Assert.Contains(">640×360<", WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        Assert.Contains("sitting", html, StringComparison.Ordinal);
        Assert.Contains("Asleep &lt;again&gt; on the sofa", html, StringComparison.Ordinal);
        Assert.Matches($"<a[^>]* href=\"{path}/download\"[^>]*>", html);
        Assert.Contains("aria-label=\"Download the image\"", html, StringComparison.Ordinal);
        Assert.Contains("<title>Snapshot from Test pattern · DogMonitor</title>", WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        Assert.DoesNotContain("<video", html, StringComparison.Ordinal);
        Assert.DoesNotContain("blazor.web.js", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASnapshotsCardShowsTheImageAndNoVideo()
    {
        var (id, image) = await StoreSnapshotAsync();
        var (url, path) = await ShareAtAsync($"/api/snapshots/{id}/share");

        var tags = MetaTags(await _stranger.GetStringAsync(path));

        Assert.Equal("Snapshot from Test pattern", tags["og:title"]);
        Assert.Equal("6 May 2025, 07:08:09 UTC · Test pattern · sitting, good-boy", tags["og:description"]);
        Assert.Equal("article", tags["og:type"]);
        Assert.Equal(url, tags["og:url"]);
        Assert.Equal(url + "/preview", tags["og:image"]);
        Assert.Equal("image/jpeg", tags["og:image:type"]);
        Assert.Equal("640", tags["og:image:width"]);
        Assert.Equal(url + "/preview", tags["twitter:image"]);
        Assert.DoesNotContain(tags.Keys, key => key.StartsWith("og:video", StringComparison.Ordinal));

        // The stable card address redirects to a fresh short-lived URL of the full image.
        var preview = await _stranger.GetAsync(tags["og:image"]);
        Assert.Equal(HttpStatusCode.Redirect, preview.StatusCode);
        Assert.True(preview.Headers.CacheControl?.NoStore, "no cache may keep a share link's answer");
        Assert.Equal(image, await environment.MediaClient(environment.App).GetByteArrayAsync(preview.Headers.Location));
        // There is nothing to play behind a snapshot's link.
        await (await _stranger.GetAsync(path + "/video")).AssertProblemAsync(404);
    }

    [Fact]
    public async Task ASnapshotsDownloadIsTheStoredImageAsAnAttachment()
    {
        var (id, image) = await StoreSnapshotAsync();
        var (_, path) = await ShareAtAsync($"/api/snapshots/{id}/share");

        var response = await _stranger.GetAsync(path + "/download");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/jpeg", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("dogmonitor-snapshot-test-pattern-20250506-070809.jpg", response.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.True(response.Headers.CacheControl?.NoStore, "no cache may keep a share link's answer");
        Assert.Equal(image, await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task ARevokedSnapshotLinkIsGone410()
    {
        var (id, _) = await StoreSnapshotAsync();
        var (_, path) = await ShareAtAsync($"/api/snapshots/{id}/share");
        Assert.Equal(HttpStatusCode.OK, (await _stranger.GetAsync(path)).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await _owner.DeleteAsync($"/api/snapshots/{id}/share")).StatusCode);

        var page = await _stranger.GetAsync(path);
        Assert.Equal(HttpStatusCode.Gone, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("This link was revoked", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", html, StringComparison.Ordinal);
        Assert.DoesNotContain("og:image", html, StringComparison.Ordinal);
        await (await _stranger.GetAsync(path + "/download")).AssertProblemAsync(410);
        await (await _stranger.GetAsync(path + "/preview")).AssertProblemAsync(410);
        await (await _stranger.GetAsync(path + "/video")).AssertProblemAsync(404);
        // Revoking again is harmless; making a new link works again.
        Assert.Equal(HttpStatusCode.NoContent, (await _owner.DeleteAsync($"/api/snapshots/{id}/share")).StatusCode);
        var (_, again) = await ShareAtAsync($"/api/snapshots/{id}/share");
        Assert.Equal(HttpStatusCode.OK, (await _stranger.GetAsync(again)).StatusCode);
    }

    [Fact]
    public async Task ALinkToADeletedSnapshotIsA404Page()
    {
        var (id, _) = await StoreSnapshotAsync();
        var (_, path) = await ShareAtAsync($"/api/snapshots/{id}/share");

        Assert.Equal(HttpStatusCode.NoContent, (await _owner.DeleteAsync($"/api/snapshots/{id}")).StatusCode);

        var page = await _stranger.GetAsync(path);
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Contains("There is no such link", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await (await _stranger.GetAsync(path + "/download")).AssertProblemAsync(404);
    }

    [Theory]
    [InlineData("POST", "not-an-id", 400, "The snapshot id is malformed.")]
    [InlineData("DELETE", "not-an-id", 400, "The snapshot id is malformed.")]
    [InlineData("POST", "0193f1c2-7a4e-7cc1-9d2b-5b7f3e0a1c9d", 404, "Snapshot not found.")]
    [InlineData("DELETE", "0193f1c2-7a4e-7cc1-9d2b-5b7f3e0a1c9d", 404, "Snapshot not found.")]
    public async Task ABadOrUnknownSnapshotIdIsAProblem(string method, string id, int status, string title)
    {
        var response = await _owner.SendAsync(new HttpRequestMessage(new HttpMethod(method), $"/api/snapshots/{id}/share"));

        var problem = await response.AssertProblemAsync(status);
        Assert.Equal(title, (string?)problem["title"]);
    }

    [Fact]
    public async Task ASnapshotLinksLifetimeIsCheckedAsAClipsIs()
    {
        var (id, _) = await StoreSnapshotAsync();

        var tooLong = await _owner.PostJsonAsync($"/api/snapshots/{id}/share", new { expires_in_hours = 721 });
        var problem = await tooLong.AssertProblemAsync(400);
        Assert.Contains("expires_in_hours", problem["errors"]!.AsObject().Select(e => e.Key));

        var hour = await _owner.PostJsonAsync($"/api/snapshots/{id}/share", new { expires_in_hours = 1 });
        Assert.Equal(HttpStatusCode.Created, hour.StatusCode);
        var expiresAt = DateTime.Parse((string)(await hour.ReadJsonAsync())["expires_at"]!, System.Globalization.CultureInfo.InvariantCulture).ToUniversalTime();
        Assert.InRange(expiresAt - DateTime.UtcNow, TimeSpan.FromMinutes(59), TimeSpan.FromHours(1));
    }

    [Fact]
    public async Task TheOpenApiDocumentDescribesSnapshotSharing()
    {
        var paths = JsonNode.Parse(await _owner.GetStringAsync("/openapi/v1.json"))!["paths"]!;

        var share = paths["/api/snapshots/{id}/share"];
        Assert.True(share is not null, "/api/snapshots/{id}/share is not in the OpenAPI document");
        Assert.Equal("Make a public link to the snapshot", (string?)share["post"]!["summary"]);
        Assert.Equal("Revoke every link to the snapshot", (string?)share["delete"]!["summary"]);
        Assert.Equal(["201", "400", "404"], share["post"]!["responses"]!.AsObject().Select(r => r.Key).Order());
        Assert.Equal(["204", "400", "404"], share["delete"]!["responses"]!.AsObject().Select(r => r.Key).Order());
        Assert.Equal("Sharing", (string?)share["post"]!["tags"]![0]);
    }

    /// <summary>A snapshot posted as the live page posts one; returns its id and the exact image bytes sent.</summary>
    private async Task<(string Id, byte[] Image)> StoreSnapshotAsync(string note = "On the sofa")
    {
        var image = TestImages.Jpeg(640, 360);
        var created = await _owner.PostJsonAsync("/api/snapshots", ApiClient.SnapshotBody(image, note, timestamp: "2025-05-06T07:08:09Z")
            .With("camera_id", "test-pattern"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        JsonObject snapshot = await created.ReadJsonAsync();
        Assert.Equal(SnapshotTime, DateTime.Parse((string)snapshot["timestamp"]!, System.Globalization.CultureInfo.InvariantCulture).ToUniversalTime());
        return ((string)snapshot["id"]!, image);
    }
}
