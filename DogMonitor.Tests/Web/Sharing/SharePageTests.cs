using System.Net;
using System.Text.RegularExpressions;
using DogMonitor.Domain.Clips;
using DogMonitor.Tests.Infrastructure;
using DogMonitor.Tests.Web.Downloads;
using Microsoft.AspNetCore.Mvc.Testing;

namespace DogMonitor.Tests.Web.Sharing;

/// <summary>The public share page and what it links to, as a stranger holding the link sees them; on both environments.</summary>
public abstract partial class SharePageTests(AppEnvironment environment)
{
    private readonly HttpClient _owner = environment.App.CreateClient();
    // Nothing but the link: no cookies, and redirects left for the test to follow (they may lead to the S3 server).
    private readonly HttpClient _stranger = environment.App.CreateAnonymousClient();

    [Fact]
    public async Task AReadyClipsPagePlaysItAndDescribesIt()
    {
        var clip = await StoredClips.AddAsync(environment.App, timestamp: new DateTime(2025, 5, 6, 7, 8, 9, DateTimeKind.Utc),
            labels: ["fetch", "zoomies"], note: "Caught the ball <first> try");
        var (url, path) = await ShareAsync(clip.Id);

        var response = await _stranger.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.True(response.Headers.CacheControl?.NoStore, "no cache may keep a share link's answer");
        var html = await response.Content.ReadAsStringAsync();
        Assert.Matches($"<video[^>]* controls[^>]* playsinline[^>]* preload=\"metadata\"[^>]* poster=\"{path}/preview\"[^>]* src=\"{path}/video\"", html);
        Assert.Matches("<time datetime=\"2025-05-06T07:08:09Z\"[^>]*>6 May 2025, 07:08:09 UTC</time>", html);
        Assert.Contains("Test pattern", html, StringComparison.Ordinal); // the camera's name, not its id
        Assert.Contains(">5 s<", html, StringComparison.Ordinal);
        Assert.Contains("zoomies", html, StringComparison.Ordinal);
        Assert.Contains("Caught the ball &lt;first&gt; try", html, StringComparison.Ordinal);
        Assert.Matches($"<a[^>]* href=\"{path}/download\"[^>]*>", html);
        Assert.Contains("<meta name=\"robots\" content=\"noindex, nofollow\"", html, StringComparison.Ordinal);
        Assert.Contains("<title>Clip from Test pattern · DogMonitor</title>", WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        // Static rendering: no circuit is opened for a stranger.
        Assert.DoesNotContain("blazor.web.js", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Snapshots", html, StringComparison.Ordinal); // none of the app's navigation
    }

    [Fact]
    public async Task OpenGraphAndTwitterCardsUseAbsoluteStableUrls()
    {
        var clip = await StoredClips.AddAsync(environment.App, timestamp: new DateTime(2025, 5, 6, 7, 8, 9, DateTimeKind.Utc), labels: ["fetch"]);
        var (url, path) = await ShareAsync(clip.Id);

        var tags = MetaTags(await _stranger.GetStringAsync(path));

        Assert.Equal("Clip from Test pattern", tags["og:title"]);
        Assert.Equal("6 May 2025, 07:08:09 UTC · Test pattern · fetch", tags["og:description"]);
        Assert.Equal("video.other", tags["og:type"]);
        Assert.Equal(url, tags["og:url"]);
        Assert.Equal(url + "/preview", tags["og:image"]);
        Assert.Equal(url + "/video", tags["og:video"]);
        Assert.Equal("video/mp4", tags["og:video:type"]);
        Assert.Equal("summary_large_image", tags["twitter:card"]);
        Assert.Equal(url + "/preview", tags["twitter:image"]);
        Assert.True(Uri.IsWellFormedUriString(tags["og:image"], UriKind.Absolute));

        // The card's image address is stable; each fetch redirects to a fresh short-lived URL that serves the preview.
        var preview = await _stranger.GetAsync(tags["og:image"]);
        Assert.Equal(HttpStatusCode.Redirect, preview.StatusCode);
        Assert.True(preview.Headers.CacheControl?.NoStore, "no cache may keep a share link's answer");
        Assert.Equal(clip.Preview, await environment.MediaClient(environment.App).GetByteArrayAsync(preview.Headers.Location));
    }

    [Fact]
    public async Task TheDownloadButtonServesTheMp4AsAnAttachment()
    {
        var clip = await StoredClips.AddAsync(environment.App, timestamp: new DateTime(2025, 5, 6, 7, 8, 9, DateTimeKind.Utc));
        var (_, path) = await ShareAsync(clip.Id);

        var response = await _stranger.GetAsync(path + "/download");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("video/mp4", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("dogmonitor-clip-test-pattern-20250506-070809.mp4", response.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.True(response.Headers.CacheControl?.NoStore, "no cache may keep a share link's answer");
        Assert.Equal(clip.Video, await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task ARevokedLinkIsGone410WhileItsVideoStays404()
    {
        var clip = await StoredClips.AddAsync(environment.App);
        var (_, path) = await ShareAsync(clip.Id);
        Assert.Equal(HttpStatusCode.OK, (await _stranger.GetAsync(path)).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await _owner.DeleteAsync($"/api/clips/{clip.Id}/share")).StatusCode);

        var page = await _stranger.GetAsync(path);
        Assert.Equal(HttpStatusCode.Gone, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.True(page.Headers.CacheControl?.NoStore, "no cache may keep a share link's answer");
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("This link was revoked", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<video", html, StringComparison.Ordinal);
        Assert.DoesNotContain("og:image", html, StringComparison.Ordinal);
        await (await _stranger.GetAsync(path + "/download")).AssertProblemAsync(410);
        await (await _stranger.GetAsync(path + "/preview")).AssertProblemAsync(410);
        await (await _stranger.GetAsync(path + "/video")).AssertProblemAsync(404);
    }

    [Fact]
    public async Task AnExpiredLinkIsGone410()
    {
        var clip = await StoredClips.AddAsync(environment.App);
        var (_, path) = await ShareAsync(clip.Id);

        await StoredClips.ExpireLinksAsync(environment.App, clip.Id);

        var page = await _stranger.GetAsync(path);
        Assert.Equal(HttpStatusCode.Gone, page.StatusCode);
        Assert.Contains("This link has expired", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await (await _stranger.GetAsync(path + "/download")).AssertProblemAsync(410);
    }

    [Theory]
    [InlineData("/s/AAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("/s/short")]
    [InlineData("/s/this-token-is-much-too-long-to-be-one-this-token-is-much-too-long-to-be-one")]
    public async Task AnUnknownTokenIsA404Page(string path)
    {
        var page = await _stranger.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("There is no such link", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await (await _stranger.GetAsync(path + "/download")).AssertProblemAsync(404);
        await (await _stranger.GetAsync(path + "/preview")).AssertProblemAsync(404);
    }

    [Fact]
    public async Task ALinkToADeletedClipIsA404Page()
    {
        var clip = await StoredClips.AddAsync(environment.App);
        var (_, path) = await ShareAsync(clip.Id);

        Assert.Equal(HttpStatusCode.NoContent, (await _owner.DeleteAsync($"/api/clips/{clip.Id}")).StatusCode);

        Assert.Equal(HttpStatusCode.NotFound, (await _stranger.GetAsync(path)).StatusCode);
    }

    [Theory]
    [InlineData(ClipStatus.Queued)]
    [InlineData(ClipStatus.Processing)]
    public async Task AClipBeingCutSaysSoAndRefreshes(ClipStatus status)
    {
        var clip = await StoredClips.AddAsync(environment.App, status);
        var (_, path) = await ShareAsync(clip.Id);

        var page = await _stranger.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("This clip is being cut", html, StringComparison.Ordinal);
        Assert.Contains("<meta http-equiv=\"refresh\" content=\"3\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<video", html, StringComparison.Ordinal);
        await (await _stranger.GetAsync(path + "/download")).AssertProblemAsync(409);
    }

    [Fact]
    public async Task AFailedClipSaysItCouldNotBeMadeWithoutLeakingTheReason()
    {
        var clip = await StoredClips.AddAsync(environment.App, ClipStatus.Failed);
        var (_, path) = await ShareAsync(clip.Id);

        var html = await _stranger.GetStringAsync(path);

        Assert.Contains("This clip could not be made", html, StringComparison.Ordinal);
        Assert.DoesNotContain("http-equiv=\"refresh\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("buffer holds", html, StringComparison.Ordinal);
        await (await _stranger.GetAsync(path + "/download")).AssertProblemAsync(409);
    }

    private Task<(string Url, string Path)> ShareAsync(Guid clipId) => ShareAtAsync($"/api/clips/{clipId}/share");

    /// <summary>Posts to a share endpoint with no body (the defaults) and returns the link, whole and as a path.</summary>
    private async Task<(string Url, string Path)> ShareAtAsync(string endpoint)
    {
        var response = await _owner.PostAsync(endpoint, null);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var url = (string)(await response.ReadJsonAsync())["url"]!;
        return (url, new Uri(url).AbsolutePath);
    }

    private static Dictionary<string, string> MetaTags(string html) =>
        MetaTag().Matches(html).ToDictionary(m => m.Groups["name"].Value, m => WebUtility.HtmlDecode(m.Groups["content"].Value));

    [GeneratedRegex("<meta (?:property|name)=\"(?<name>[^\"]+)\" content=\"(?<content>[^\"]*)\"")]
    private static partial Regex MetaTag();
}

public sealed class SharePageOnEmbeddedDefault(EmbeddedEnvironment environment)
    : SharePageTests(environment), IClassFixture<EmbeddedEnvironment>;

public sealed class SharePageOnPostgresAndS3(ProductionEnvironment environment)
    : SharePageTests(environment), IClassFixture<ProductionEnvironment>;
