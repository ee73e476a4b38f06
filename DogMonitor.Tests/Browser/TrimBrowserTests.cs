using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DogMonitor.Tests.Infrastructure;
using DogMonitor.Tests.Web.Clips.Trim;
using Microsoft.Playwright;
using static DogMonitor.Tests.Browser.GalleryBrowserTests;
using static DogMonitor.Tests.Web.Clips.ClipPolling;

namespace DogMonitor.Tests.Browser;

/// <summary>Trimming in the viewer and scrubbing across a clip card, in a real browser against the embedded default.</summary>
[Collection(BrowserCollection.Name)]
public sealed class TrimBrowserTests(RecordingApp recording)
{
    [Fact]
    public async Task A30SecondClipTrimmedTo4SecondsInTheViewer_IsCutAndItsShareLinkPlaysThose4Seconds()
    {
        var source = await SourceClips.AddAsync(recording.App, seconds: 30, labels: ["trim-browser"]);
        await using var browser = await BrowserSession.StartAsync();
        var page = await browser.NewPageAsync(recording.BaseUrl);
        await page.GotoAsync($"{recording.BaseUrl}/gallery?tab=clips&open={source.Id}");
        await Assertions.Expect(page.GetByTestId("trim-bar")).ToBeVisibleAsync(new LocatorAssertionsToBeVisibleOptions { Timeout = 20_000 });
        var start = page.GetByTestId("trim-start");
        var end = page.GetByTestId("trim-end");
        await Assertions.Expect(end).ToHaveAttributeAsync("aria-valuetext", "0:30.000");

        // A drag first (the end to about 60 % of the strip), once the strip listens, then the keys to the frame.
        await Assertions.Expect(page.Locator("[data-testid=trim-strip][data-attached]")).ToHaveCountAsync(1, new LocatorAssertionsToHaveCountOptions { Timeout = 20_000 });
        var strip = (await page.GetByTestId("trim-strip").BoundingBoxAsync())!;
        var handle = (await end.BoundingBoxAsync())!;
        await page.Mouse.MoveAsync(handle.X + handle.Width / 2, handle.Y + handle.Height / 2);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(strip.X + strip.Width * 0.6f, handle.Y + handle.Height / 2, new MouseMoveOptions { Steps = 8 });
        await page.Mouse.UpAsync();
        await WaitForAsync(page, "() => { const v = +document.querySelector('[data-testid=trim-end]').getAttribute('aria-valuenow'); return v > 16000 && v < 20000; }",
            "the dragged end handle to settle near 18 s");
        await start.FocusAsync();
        for (var i = 0; i < 10; i++) await page.Keyboard.PressAsync("ArrowRight");
        await page.Keyboard.PressAsync(".");
        await page.Keyboard.PressAsync(".");
        await page.Keyboard.PressAsync(",");
        await Assertions.Expect(start).ToHaveAttributeAsync("aria-valuetext", "0:10.040");
        await page.Keyboard.PressAsync(",");
        await end.FocusAsync();
        await page.Keyboard.PressAsync("End");
        await page.Keyboard.PressAsync("PageDown");
        for (var i = 0; i < 6; i++) await page.Keyboard.PressAsync("ArrowLeft");
        await Assertions.Expect(start).ToHaveAttributeAsync("aria-valuetext", "0:10.000");
        await Assertions.Expect(end).ToHaveAttributeAsync("aria-valuetext", "0:14.000");
        await Assertions.Expect(page.GetByTestId("trim-length")).ToHaveTextAsync("Keeps 4.000 s");
        // The video shows the end handle's frame: the last one kept.
        await WaitForAsync(page, "() => { const v = document.querySelector('[data-testid=viewer-video]'); return Math.abs(v.currentTime - 13.96) < 0.05 && !v.seeking && v.readyState >= 2; }",
            "the video to show the last kept frame");
        var violations = await Axe.ViolationsAsync(page);
        Assert.True(violations.Count == 0, $"The viewer with its trim bar breaks WCAG 2.1 AA:\n{string.Join('\n', violations)}");
        await page.Locator(".dm-viewer").ScreenshotAsync(new LocatorScreenshotOptions { Path = Chromium.ScreenshotPath("trim.png") });

        await page.GetByTestId("trim-save").ClickAsync();

        await Assertions.Expect(page.GetByTestId("trim-done")).ToBeVisibleAsync(new LocatorAssertionsToBeVisibleOptions { Timeout = 60_000 });
        var clips = await recording.Client.GetFromJsonAsync<JsonObject>("/api/clips?limit=200&label=trim-browser");
        var trimmed = clips!["items"]!.AsArray().Single(c => (string?)c!["source_clip_id"] == source.Id.ToString())!;
        Assert.Equal(("ready", 4000), ((string?)trimmed["status"], (int)trimmed["duration_ms"]!));
        var shared = await (await recording.Client.PostAsync($"/api/clips/{trimmed["id"]}/share", null)).ReadJsonAsync();
        var share = await browser.Browser.NewPageAsync();
        await share.GotoAsync((string)shared["url"]!);
        await WaitForAsync(share, "() => Math.abs((document.querySelector('video')?.duration ?? 0) - 4) < 0.05", "the share page's video to last 4 s");
        var video = await FfprobeInfo.ProbeAsync(await new HttpClient().GetByteArrayAsync((string)(await (await recording.Client.GetAsync($"/api/clips/{trimmed["id"]}")).ReadJsonAsync())["video_url"]!));
        Assert.InRange(video.DurationSeconds, 4.0 - 0.04, 4.0 + 0.04);
    }

    [Fact]
    public async Task MovingAcrossAClipCardShowsTheFrameUnderThePointer_AndLeavingShowsTheStill()
    {
        await recording.WaitForBufferAsync(TimeSpan.FromSeconds(8));
        var created = await recording.Client.PostAsJsonAsync("/api/clips", new { start_ts = Iso(DateTime.UtcNow.AddSeconds(-7)), duration_ms = 5000 });
        var id = (string)(await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
        await UntilAsync(recording.Client, id, TimeSpan.FromSeconds(60), "ready");
        await using var browser = await BrowserSession.StartAsync();
        var page = await browser.NewPageAsync(recording.BaseUrl);
        await page.GotoAsync(recording.BaseUrl + "/gallery?tab=clips");
        var card = page.Locator($"[data-testid=clip-card][data-id='{id}']");
        await Assertions.Expect(card).ToHaveAttributeAsync("data-status", "ready", new LocatorAssertionsToHaveAttributeOptions { Timeout = 20_000 });
        var layer = card.GetByTestId("clip-scrub");
        var media = (await card.Locator(".dm-card-open").BoundingBoxAsync())!;

        await page.Mouse.MoveAsync(media.X + media.Width * 0.05f, media.Y + media.Height / 2);
        await Assertions.Expect(layer).ToBeVisibleAsync();
        var near = await ScrubAsync(layer);
        await WaitForAsync(page, $"() => {{ const i = new Image(); i.src = getComputedStyle(document.querySelector(\"[data-id='{id}'] [data-testid=clip-scrub]\")).backgroundImage.slice(5, -2); return i.decode().then(() => true, () => false); }}",
            "the strip to load");
        await page.Mouse.MoveAsync(media.X + media.Width * 0.95f, media.Y + media.Height / 2, new MouseMoveOptions { Steps = 5 });
        var far = await ScrubAsync(layer);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Chromium.ScreenshotPath("scrub.png"), Clip = new Clip { X = media.X - 16, Y = media.Y - 16, Width = media.Width + 32, Height = media.Height + 140 } });

        Assert.Equal(("0", "0% 0%"), near);
        Assert.Equal(("9", "100% 0%"), far);
        await page.Mouse.MoveAsync(0, 0);
        await Assertions.Expect(layer).ToBeHiddenAsync();

        // Asked for less motion: hovering leaves the still alone.
        var calm = await browser.Browser.NewSignedInPageAsync(recording.BaseUrl, new BrowserNewContextOptions { ReducedMotion = ReducedMotion.Reduce, ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        await calm.GotoAsync(recording.BaseUrl + "/gallery?tab=clips");
        var calmCard = calm.Locator($"[data-testid=clip-card][data-id='{id}']");
        await Assertions.Expect(calmCard).ToHaveAttributeAsync("data-status", "ready", new LocatorAssertionsToHaveAttributeOptions { Timeout = 20_000 });
        var calmMedia = (await calmCard.Locator(".dm-card-open").BoundingBoxAsync())!;
        await calm.Mouse.MoveAsync(calmMedia.X + calmMedia.Width * 0.5f, calmMedia.Y + calmMedia.Height / 2, new MouseMoveOptions { Steps = 5 });
        await Assertions.Expect(calmCard.GetByTestId("clip-scrub")).ToBeHiddenAsync();
    }

    private static async Task<(string? Frame, string Position)> ScrubAsync(ILocator layer) =>
        (await layer.GetAttributeAsync("data-frame"), await layer.EvaluateAsync<string>("e => getComputedStyle(e).backgroundPosition"));
}
