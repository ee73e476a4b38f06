using System.Net;
using System.Text.Json.Nodes;
using DogMonitor.Tests.Infrastructure;
using DogMonitor.Tests.Web.Clips;
using Microsoft.Playwright;

namespace DogMonitor.Tests.Browser;

/// <summary>A share link opened by a stranger in a real browser: it plays, and stops working once revoked.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SharePageTests(RecordingApp recording)
{
    [Fact]
    public async Task AShareLinkPlaysForAStrangerAndIsGoneOnceRevoked()
    {
        var created = await recording.Client.PostJsonAsync("/api/clips", new
        {
            start_ts = ClipPolling.Iso(DateTime.UtcNow.AddSeconds(-8)), duration_ms = 4000, labels = new[] { "zoomies", "good-boy" }, note = "Laps around the sofa",
        });
        Assert.Equal(HttpStatusCode.Accepted, created.StatusCode);
        var id = (string)(await created.ReadJsonAsync())["id"]!;
        var clip = await ClipPolling.UntilAsync(recording.Client, id, TimeSpan.FromSeconds(60), "ready", "failed");
        Assert.True((string?)clip["status"] == "ready", $"the clip failed: {clip["error"]}");
        var link = (string)(await (await recording.Client.PostAsync($"/api/clips/{id}/share", null)).ReadJsonAsync())["url"]!;

        await using var stranger = await Stranger.OpenAsync();
        var page = stranger.Page;

        var response = await page.GotoAsync(link);
        Assert.Equal(200, response!.Status);
        await Assertions.Expect(page).ToHaveTitleAsync("Clip from test-pattern · DogMonitor");
        await Assertions.Expect(page.GetByText("Laps around the sofa")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "Download the clip as an mp4 file" })).ToBeVisibleAsync();
        await page.EvaluateAsync("() => { const v = document.querySelector('video'); v.muted = true; return v.play(); }");
        await WaitForPlaybackAsync(page, minimum: 0.5, TimeSpan.FromSeconds(15));
        await page.EvaluateAsync("() => document.querySelector('video').pause()");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Chromium.ScreenshotPath("share.png"), FullPage = true });

        Assert.Equal(HttpStatusCode.NoContent, (await recording.Client.DeleteAsync($"/api/clips/{id}/share")).StatusCode);

        var revoked = await page.GotoAsync(link);
        Assert.Equal(410, revoked!.Status);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new PageGetByRoleOptions { Name = "This link was revoked" })).ToBeVisibleAsync();
        Assert.Equal(0, await page.Locator("video").CountAsync());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Chromium.ScreenshotPath("share-revoked.png") });
    }

    [Fact]
    public async Task ASnapshotLinkShowsTheImageToAStranger()
    {
        var created = await recording.Client.PostJsonAsync("/api/snapshots", ApiClient.SnapshotBody(TestImages.Jpeg(1280, 720), "Waiting at the door", ["waiting"],
            timestamp: ClipPolling.Iso(DateTime.UtcNow.AddMinutes(-1))).With("camera_id", "test-pattern"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (string)(await created.ReadJsonAsync())["id"]!;
        var shared = await recording.Client.PostAsync($"/api/snapshots/{id}/share", null);
        Assert.Equal(HttpStatusCode.Created, shared.StatusCode);
        var link = (string)(await shared.ReadJsonAsync())["url"]!;

        await using var stranger = await Stranger.OpenAsync();
        var page = stranger.Page;

        var response = await page.GotoAsync(link);
        Assert.Equal(200, response!.Status);
        await Assertions.Expect(page).ToHaveTitleAsync("Snapshot from test-pattern · DogMonitor");
        await Assertions.Expect(page.GetByText("Waiting at the door")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "Download the image" })).ToBeVisibleAsync();
        var image = page.GetByTestId("share-image");
        await Assertions.Expect(image).ToBeVisibleAsync();
        // Loaded through the redirect to the media store: a broken image has no natural width.
        await page.WaitForFunctionAsync("() => { const i = document.querySelector('[data-testid=share-image]'); return i.complete && i.naturalWidth > 0; }");
        Assert.Equal(1280, await image.EvaluateAsync<int>("i => i.naturalWidth"));
        Assert.StartsWith("Snapshot from test-pattern at ", await image.GetAttributeAsync("alt"));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Chromium.ScreenshotPath("share-snapshot.png"), FullPage = true });

        Assert.Equal(HttpStatusCode.NoContent, (await recording.Client.DeleteAsync($"/api/snapshots/{id}/share")).StatusCode);
        Assert.Equal(410, (await page.GotoAsync(link))!.Status);
        Assert.Equal(0, await page.Locator("img").CountAsync());
    }

    private static async Task WaitForPlaybackAsync(IPage page, double minimum, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        double current = 0;
        while (DateTime.UtcNow < deadline)
        {
            current = await page.EvaluateAsync<double>("() => document.querySelector('video')?.currentTime ?? 0");
            if (current >= minimum) return;
            await Task.Delay(200);
        }
        var state = await page.EvaluateAsync<string>(
            "() => { const v = document.querySelector('video'); return v ? `readyState ${v.readyState}, error ${v.error?.message}, src ${v.currentSrc}` : 'no video'; }");
        Assert.Fail($"The shared clip did not play to {minimum:0.0} s within {timeout.TotalSeconds} s (it is at {current:0.0} s; {state}).");
    }

    /// <summary>Chromium with a fresh context: no cookies, no storage, nothing but the link.</summary>
    private sealed class Stranger(IPlaywright playwright, IBrowser browser, IPage page) : IAsyncDisposable
    {
        public IPage Page { get; } = page;

        public static async Task<Stranger> OpenAsync()
        {
            var (playwright, browser) = await Chromium.LaunchAsync();
            var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
            Assert.Empty(await context.CookiesAsync());
            return new Stranger(playwright, browser, await context.NewPageAsync());
        }

        public async ValueTask DisposeAsync()
        {
            await browser.DisposeAsync();
            playwright.Dispose();
        }
    }
}
