using System.Globalization;
using DogMonitor.Domain.Activity;
using DogMonitor.Tests.Infrastructure;
using DogMonitor.Tests.Web.Moments;
using Microsoft.Playwright;

namespace DogMonitor.Tests.Browser;

/// <summary>
/// The timeline under the live player in a real browser, on the embedded default recording its synthetic camera (whose
/// scene acts every 15 s): a click plays the recording from that second with its time shown, Back to live returns, the
/// camera's moments are marked, and a span dragged on the strip becomes a clip.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class TimelineBrowserTests(RecordingApp recording)
{
    [Fact]
    public async Task AClickPlaysTheRecordingFromThatSecond_BackToLiveReturns_MomentsAreMarked_AndADraggedSpanBecomesAClip()
    {
        await recording.WaitForBufferAsync(TimeSpan.FromSeconds(25));
        await using var live = await LiveBrowser.OpenAsync(recording, new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 1000 }, TimezoneId = "UTC", Locale = "en-GB" });
        var page = live.Page;
        var track = page.GetByTestId("timeline-track");

        var at = DateTime.UtcNow.AddSeconds(-15);
        var clickedAt = DateTime.UtcNow;
        await ClickAtAsync(track, at);

        await Assertions.Expect(page.GetByTestId("timeline-playing")).ToBeVisibleAsync(new LocatorAssertionsToBeVisibleOptions { Timeout = 15_000 });
        var playing = await PlayingDateAsync(page, after: clickedAt);
        // From the chosen second: not before it, and not further on than the time the player has had since the click.
        Assert.InRange(playing, at.AddSeconds(-1), at + (DateTime.UtcNow - clickedAt) + TimeSpan.FromSeconds(1));
        // The time shown is the playing frame's, to the second.
        await Assertions.Expect(page.GetByTestId("timeline-playing")).ToContainTextAsync(new System.Text.RegularExpressions.Regex(@"\d{2}:\d{2}:\d{2}"));
        var shown = TimeOnly.ParseExact((await page.GetByTestId("timeline-playing").Locator("strong").TextContentAsync())!.Trim(), "HH:mm:ss", CultureInfo.InvariantCulture);
        var now = await PlayingDateAsync(page, after: clickedAt);
        Assert.InRange((TimeOnly.FromDateTime(now) - shown).TotalSeconds is var apart && apart > 43_200 ? apart - 86_400 : apart, -2, 2);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Chromium.ScreenshotPath("timeline-playing.png"), FullPage = true });

        await page.GetByTestId("timeline-live").ClickAsync();
        await Assertions.Expect(page.GetByTestId("timeline-playing")).ToBeHiddenAsync(new LocatorAssertionsToBeHiddenOptions { Timeout = 10_000 });
        var back = await PlayingDateAsync(page, after: DateTime.UtcNow.AddSeconds(-60), newerThan: playing.AddSeconds(10));
        Assert.InRange(back, DateTime.UtcNow.AddSeconds(-20), DateTime.UtcNow.AddSeconds(1));

        // A moment kept while the page is open (this app's detectors are off; they have their own tests): the strip reads
        // the camera's moments again every 10 s.
        await StoredMoments.AddAsync(recording.App, DateTime.UtcNow.AddSeconds(-20), ActivityKinds.Sound);
        var mark = page.Locator("[data-testid=timeline-moment][aria-label^='Sound at']");
        await Assertions.Expect(mark).ToBeVisibleAsync(new LocatorAssertionsToBeVisibleOptions { Timeout = 20_000 });
        Assert.Matches(@"^Sound at .+, 3 s; play it$", await mark.GetAttributeAsync("aria-label") ?? "");

        await page.GetByTestId("timeline-select").ClickAsync();
        var from = DateTime.UtcNow.AddSeconds(-14);
        await DragAsync(page, track, from, from.AddSeconds(6));
        await Assertions.Expect(page.GetByTestId("timeline-selected")).ToBeVisibleAsync();
        await page.GetByTestId("timeline-make-clip").ClickAsync();

        var row = page.GetByTestId("recent-clip").First;
        await Assertions.Expect(row.GetByTestId("clip-status")).ToHaveTextAsync("Ready", new LocatorAssertionsToHaveTextOptions { Timeout = 60_000 });
        var clip = await LivePage.ClipAsync(recording, await LivePage.ClipIdOfAsync(row));
        Assert.Equal("exact", (string?)clip["mode"]);
        // The span the drag covered, to the width of a few pixels of a 10-minute strip.
        Assert.InRange((int)clip["duration_ms"]!, 4_000, 8_000);
        Assert.InRange(((DateTime)clip["start_ts"]!).ToUniversalTime(), from.AddSeconds(-2), from.AddSeconds(2));
    }

    private static async Task ClickAtAsync(ILocator track, DateTime at)
    {
        var (box, x) = await PointOfAsync(track, at);
        await track.Page.Mouse.ClickAsync(x, box.Y + box.Height / 2);
    }

    private static async Task DragAsync(IPage page, ILocator track, DateTime from, DateTime to)
    {
        var (box, start) = await PointOfAsync(track, from);
        var (_, end) = await PointOfAsync(track, to);
        var y = box.Y + box.Height / 2;
        await page.Mouse.MoveAsync(start, y);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(end, y, new MouseMoveOptions { Steps = 5 });
        await page.Mouse.UpAsync();
    }

    /// <summary>Where on the strip a wall-clock time is, from the window the strip says it shows.</summary>
    private static async Task<(LocatorBoundingBoxResult Box, float X)> PointOfAsync(ILocator track, DateTime at)
    {
        var box = (await track.BoundingBoxAsync())!;
        var start = DateTime.Parse((await track.GetAttributeAsync("data-start"))!, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal);
        var end = DateTime.Parse((await track.GetAttributeAsync("data-end"))!, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal);
        return (box, box.X + (float)((at - start) / (end - start)) * box.Width);
    }

    /// <summary>The playing frame's wall-clock time, as the player reads it from the playlist, once it plays what was asked.</summary>
    private static async Task<DateTime> PlayingDateAsync(IPage page, DateTime after, DateTime? newerThan = null)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        string? iso = null;
        while (DateTime.UtcNow < deadline)
        {
            iso = await page.EvaluateAsync<string?>("async () => (await import('./js/live.js')).playingDate(document.querySelector('video'))");
            if (iso is not null && DateTime.Parse(iso, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal) is var playing
                && (newerThan is null || playing > newerThan) && !await page.EvaluateAsync<bool>("() => document.querySelector('video').paused"))
                return playing;
            await Task.Delay(250);
        }
        Assert.Fail($"The player did not play a dated frame within 20 s (last read: {iso ?? "none"}).");
        return after;
    }
}
