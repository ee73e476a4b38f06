using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DogMonitor.Tests.Infrastructure;
using Microsoft.Playwright;

namespace DogMonitor.Tests.Browser;

/// <summary>The live page in a real browser against the embedded default recording its synthetic camera.</summary>
public sealed class LivePageTests(RecordingApp recording) : IClassFixture<RecordingApp>
{
    [Fact]
    public async Task LivePagePlaysTheCameraAndShowsTheDelay()
    {
        var (playwright, browser) = await Chromium.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 800 } });

        // "/" leads to the live page.
        await page.GotoAsync(recording.BaseUrl + "/");
        await page.WaitForURLAsync("**/live", new PageWaitForURLOptions { Timeout = 15_000 });

        // The player is attached once the Blazor circuit is up; playback that advances proves both.
        var video = page.Locator("video");
        await Assertions.Expect(video).ToHaveAttributeAsync("aria-label", $"Live video from {RecordingApp.CameraId}");
        var started = await WaitForPlaybackAsync(page, minimum: 0.01, TimeSpan.FromSeconds(20));
        await WaitForPlaybackAsync(page, minimum: started + 1, TimeSpan.FromSeconds(10));

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
        var (playwright, browser) = await Chromium.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 1000 } });
        await page.GotoAsync(recording.BaseUrl + "/live");
        // Clicks before the circuit connects are lost; the video plays only once it has.
        await WaitForPlaybackAsync(page, minimum: 0.5, TimeSpan.FromSeconds(20));

        var clickedAt = DateTime.UtcNow;
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Take a snapshot" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("last-snapshot")).ToBeVisibleAsync(new LocatorAssertionsToBeVisibleOptions { Timeout = 10_000 });
        var snapshots = await recording.Client.GetFromJsonAsync<JsonObject>("/api/snapshots", TestContext.Current.CancellationToken);
        var snapshot = snapshots!["items"]!.AsArray()[0]!;
        Assert.Equal(640, (int)snapshot["width"]!);
        Assert.Equal(360, (int)snapshot["height"]!);
        var taken = ((DateTime)snapshot["timestamp"]!).ToUniversalTime();
        Assert.InRange(taken, clickedAt - TimeSpan.FromSeconds(10), clickedAt + TimeSpan.FromSeconds(1));

        // "s" takes one too, but not while typing: the note's letters take none, and the note goes with it.
        await page.GetByLabel("Note (optional)").FillAsync("sleeps");
        await page.Locator("video").ClickAsync();
        await page.Keyboard.PressAsync("s");
        var byKey = await WaitForSnapshotsAsync(2);
        Assert.Equal("sleeps", (string?)byKey["note"]);

        // With the switch on, the server takes the frame from the recording at the playing time.
        await page.GetByRole(AriaRole.Switch, new PageGetByRoleOptions { Name = "Full resolution from the recording" }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Take a snapshot" }).ClickAsync();
        var fromBuffer = await WaitForSnapshotsAsync(3);
        Assert.Equal(640, (int)fromBuffer["width"]!);

        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Clip the 10 seconds before the frame on screen" }).ClickAsync();
        var row = page.GetByTestId("recent-clip").First;
        await Assertions.Expect(row.GetByTestId("clip-status")).ToHaveTextAsync("Ready", new LocatorAssertionsToHaveTextOptions { Timeout = 30_000 });
        await Assertions.Expect(row.GetByRole(AriaRole.Link, new LocatorGetByRoleOptions { Name = "Open the video" })).ToBeVisibleAsync();
        var clips = await recording.Client.GetFromJsonAsync<JsonObject>("/api/clips", TestContext.Current.CancellationToken);
        var clip = clips!["items"]!.AsArray()[0]!;
        Assert.Equal("ready", (string?)clip["status"]);
        Assert.Equal(10_000, (int)clip["duration_ms"]!);

        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Chromium.ScreenshotPath("live-after-clip.png"), FullPage = true });
    }

    private async Task<JsonNode> WaitForSnapshotsAsync(int count)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        JsonArray items;
        do
        {
            await Task.Delay(250, TestContext.Current.CancellationToken);
            var page = await recording.Client.GetFromJsonAsync<JsonObject>("/api/snapshots", TestContext.Current.CancellationToken);
            items = page!["items"]!.AsArray();
        }
        while (items.Count < count && DateTime.UtcNow < deadline);
        Assert.Equal(count, items.Count);
        return items[0]!;
    }

    private static async Task<double> WaitForPlaybackAsync(IPage page, double minimum, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        double current = 0;
        while (DateTime.UtcNow < deadline)
        {
            current = await page.EvaluateAsync<double>("() => document.querySelector('video')?.currentTime ?? 0");
            if (current >= minimum) return current;
            await Task.Delay(250);
        }
        var state = await page.EvaluateAsync<string>(
            "() => { const v = document.querySelector('video'); return v ? `readyState ${v.readyState}, error ${v.error?.message}, src ${v.currentSrc}` : 'no video'; }");
        Assert.Fail($"The live video did not reach {minimum:0.0} s within {timeout.TotalSeconds} s (it is at {current:0.0} s; {state}).");
        return current;
    }
}
