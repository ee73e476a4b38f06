using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DogMonitor.Tests.Infrastructure;
using Microsoft.Playwright;

namespace DogMonitor.Tests.Browser;

/// <summary>The live page in a real browser against the embedded default recording its synthetic camera.</summary>
[Collection(BrowserCollection.Name)]
public sealed class LivePageTests(RecordingApp recording)
{
    [Fact]
    public async Task LivePagePlaysTheCameraAndShowsTheDelay()
    {
        var (playwright, browser) = await Chromium.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await browser.NewSignedInPageAsync(recording.BaseUrl, new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 800 } });

        // "/" leads to the live page.
        await page.GotoAsync(recording.BaseUrl + "/");
        await page.WaitForURLAsync("**/live", new PageWaitForURLOptions { Timeout = 15_000 });

        // The player is attached once the Blazor circuit is up; playback that advances proves both.
        var video = page.Locator("video");
        await Assertions.Expect(video).ToHaveAttributeAsync("aria-label", $"Live video from {RecordingApp.CameraId}");
        var started = await LivePage.WaitForPlaybackAsync(page, minimum: 0.01, TimeSpan.FromSeconds(20));
        await LivePage.WaitForPlaybackAsync(page, minimum: started + 1, TimeSpan.FromSeconds(10));

        var delay = page.GetByTestId("live-delay");
        await Assertions.Expect(delay).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\d+\.\d s behind live$"),
            new LocatorAssertionsToHaveTextOptions { Timeout = 5_000 });
        await Assertions.Expect(page).ToHaveTitleAsync("Live · DogMonitor");
        await Assertions.Expect(page.GetByText("Online", new PageGetByTextOptions { Exact = true })).ToBeVisibleAsync();

        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Chromium.ScreenshotPath("live.png") });
    }

    [Fact]
    public async Task SnapshotAndClipButtonsSaveThePlayingMoment()
    {
        await using var live = await LiveBrowser.OpenAsync(recording, new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 1000 } });
        var page = live.Page;
        // Other tests of the collection take snapshots too.
        var before = await LivePage.SnapshotCountAsync(recording);

        var clickedAt = DateTime.UtcNow;
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Take a snapshot" }).ClickAsync();
        var confirmation = page.GetByTestId("last-snapshot");
        var noPicture = page.GetByText("There is no picture to take yet");
        // Whichever the page says first: a refusal fails here with its own words (it vanishes from the page after a while).
        await Assertions.Expect(confirmation.Or(noPicture)).ToBeVisibleAsync(new LocatorAssertionsToBeVisibleOptions { Timeout = 30_000 });
        Assert.False(await noPicture.IsVisibleAsync(), "The page said there was no picture to take, though the video plays.");
        await Assertions.Expect(confirmation).ToBeVisibleAsync();
        var snapshot = await WaitForSnapshotsAsync(before + 1);
        // The confirmation's thumbnail opens this snapshot in the gallery's viewer.
        await Assertions.Expect(confirmation.GetByRole(AriaRole.Link, new LocatorGetByRoleOptions { Name = "Open this snapshot in the gallery" }))
            .ToHaveAttributeAsync("href", $"gallery?tab=snapshots&open={(string?)snapshot["id"]}");
        Assert.Equal(640, (int)snapshot["width"]!);
        Assert.Equal(360, (int)snapshot["height"]!);
        var taken = ((DateTime)snapshot["timestamp"]!).ToUniversalTime();
        Assert.InRange(taken, clickedAt - TimeSpan.FromSeconds(10), clickedAt + TimeSpan.FromSeconds(1));

        // "s" takes one too, but not while typing: the note's letters take none, and the note goes with it.
        await page.GetByLabel("Note (optional)").FillAsync("sleeps");
        await page.Locator("video").ClickAsync();
        await page.Keyboard.PressAsync("s");
        var byKey = await WaitForSnapshotsAsync(before + 2);
        Assert.Equal("sleeps", (string?)byKey["note"]);

        // With the switch on, the server takes the frame from the recording at the playing time.
        await page.GetByRole(AriaRole.Switch, new PageGetByRoleOptions { Name = "Full resolution from the recording" }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Take a snapshot" }).ClickAsync();
        var fromBuffer = await WaitForSnapshotsAsync(before + 3);
        Assert.Equal(640, (int)fromBuffer["width"]!);

        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Clip the 10 seconds before the frame on screen" }).ClickAsync();
        var row = page.GetByTestId("recent-clip").First;
        await Assertions.Expect(row.GetByTestId("clip-status")).ToHaveTextAsync("Ready", new LocatorAssertionsToHaveTextOptions { Timeout = 30_000 });
        await Assertions.Expect(row.GetByRole(AriaRole.Link, new LocatorGetByRoleOptions { Name = "Open the video" })).ToBeVisibleAsync();
        var clip = await LivePage.ClipAsync(recording, await LivePage.ClipIdOfAsync(row));
        Assert.Equal("ready", (string?)clip["status"]);
        Assert.Equal(10_000, (int)clip["duration_ms"]!);

        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Chromium.ScreenshotPath("live-after-clip.png"), FullPage = true });
    }

    [Fact]
    public async Task WithoutProgramDateTimeThePlayingTimeComesFromTheLiveLatency()
    {
        var (playwright, browser) = await Chromium.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await browser.NewSignedInPageAsync(recording.BaseUrl);
        // The real playlist, less its EXT-X-PROGRAM-DATE-TIME tags: as a camera or proxy that writes none serves it.
        var stripped = 0;
        await page.RouteAsync(new System.Text.RegularExpressions.Regex(@"/live\.m3u8(\?.*)?$"), async route =>
        {
            var response = await route.FetchAsync();
            var lines = (await response.TextAsync()).Split('\n');
            var kept = lines.Where(line => !line.StartsWith("#EXT-X-PROGRAM-DATE-TIME", StringComparison.Ordinal)).ToArray();
            Interlocked.Add(ref stripped, lines.Length - kept.Length);
            await route.FulfillAsync(new RouteFulfillOptions { Response = response, Body = string.Join('\n', kept) });
        });
        await page.GotoAsync(recording.BaseUrl + "/live");
        await LivePage.WaitForPlaybackAsync(page, minimum: 0.5, TimeSpan.FromSeconds(20));
        Assert.True(Volatile.Read(ref stripped) > 0, "The playlist carried no program date time to take away.");

        // Without the fallback hls.js has no playingDate here and the page would wait for video for ever.
        var delay = page.GetByTestId("live-delay");
        await Assertions.Expect(delay).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\d+\.\d s behind live$"),
            new LocatorAssertionsToHaveTextOptions { Timeout = 10_000 });
        var behind = double.Parse((await delay.TextContentAsync())!.Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(behind, 0.0, 15.0);

        var before = await LivePage.SnapshotCountAsync(recording);
        var clickedAt = DateTime.UtcNow;
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Take a snapshot" }).ClickAsync();
        var snapshot = await WaitForSnapshotsAsync(before + 1);
        var taken = ((DateTime)snapshot["timestamp"]!).ToUniversalTime();
        Assert.InRange(taken, clickedAt - TimeSpan.FromSeconds(15), clickedAt);
    }

    private async Task<JsonNode> WaitForSnapshotsAsync(int count)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        JsonArray items;
        do
        {
            await Task.Delay(250, TestContext.Current.CancellationToken);
            var page = await recording.Client.GetFromJsonAsync<JsonObject>("/api/snapshots?limit=100", TestContext.Current.CancellationToken);
            items = page!["items"]!.AsArray();
        }
        while (items.Count < count && DateTime.UtcNow < deadline);
        Assert.Equal(count, items.Count);
        return items[0]!;
    }
}
