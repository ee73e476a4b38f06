using System.Net;
using DogMonitor.Tests.Infrastructure;

namespace DogMonitor.Tests.Web;

/// <summary>Media URLs serve only as handed out, and only until they expire: for both stores.</summary>
public abstract class MediaUrlTests(AppEnvironment environment)
{
    [Fact]
    public async Task ATamperedUrlIsRefused()
    {
        var url = await ImageUrlAsync(environment.App);
        var media = environment.MediaClient(environment.App);
        Assert.Equal(HttpStatusCode.OK, (await media.GetAsync(url)).StatusCode);

        var signatureStart = url.IndexOf("ignature=", StringComparison.Ordinal) + "ignature=".Length;
        var flipped = url[signatureStart] == 'a' ? 'b' : 'a';
        var badSignature = url[..signatureStart] + flipped + url[(signatureStart + 1)..];
        var otherObject = url.Replace("image.jpg", "thumbnail.jpg", StringComparison.Ordinal);
        var unsigned = url[..url.IndexOf('?', StringComparison.Ordinal)];

        Assert.Equal(HttpStatusCode.Forbidden, (await media.GetAsync(badSignature)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await media.GetAsync(otherObject)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await media.GetAsync(unsigned)).StatusCode);
    }

    [Fact]
    public async Task AnExpiredUrlIsRefused()
    {
        var app = await environment.StartAppAsync("expiry", settings => settings["Storage:UrlLifetime"] = "00:00:04");
        var url = await ImageUrlAsync(app);
        var media = environment.MediaClient(app);
        Assert.Equal(HttpStatusCode.OK, (await media.GetAsync(url)).StatusCode);

        // Signed for 4 s (whole seconds, so 3 to 4 s remain): the first fetch has ample time, this one is past it.
        await Task.Delay(TimeSpan.FromSeconds(5.5), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Forbidden, (await media.GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task RangeRequestsServePartialContent()
    {
        var url = await ImageUrlAsync(environment.App);
        var media = environment.MediaClient(environment.App);
        var whole = await media.GetByteArrayAsync(url);
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Range = new System.Net.Http.Headers.RangeHeaderValue(100, 199);

        var response = await media.SendAsync(request);

        Assert.Equal(HttpStatusCode.PartialContent, response.StatusCode);
        Assert.Equal(whole[100..200], await response.Content.ReadAsByteArrayAsync());
    }

    private static async Task<string> ImageUrlAsync(DogMonitorApp app)
    {
        var created = await app.CreateClient().PostJsonAsync("/api/snapshots", ApiClient.SnapshotBody());
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (string)(await created.ReadJsonAsync())["image_url"]!;
    }
}

public sealed class MediaUrlsOnEmbeddedDefault(EmbeddedEnvironment environment)
    : MediaUrlTests(environment), IClassFixture<EmbeddedEnvironment>;

public sealed class MediaUrlsOnPostgresAndS3(ProductionEnvironment environment)
    : MediaUrlTests(environment), IClassFixture<ProductionEnvironment>;
