using System.Globalization;
using System.Text.RegularExpressions;
using DogMonitor.Tests.Infrastructure;
using Microsoft.Playwright;

namespace DogMonitor.Tests.Browser;

/// <summary>The live page's Clip choices, cut by the real worker from the synthetic camera's buffer.</summary>
[Collection(BrowserCollection.Name)]
public sealed partial class LiveClipTests(RecordingApp recording)
{
    private static readonly LocatorAssertionsToHaveTextOptions CutTimeout = new() { Timeout = 60_000 };

    [Fact]
    public async Task LastThirtySecondsBecomesReadyOnThePageWithoutAReload()
    {
        await recording.WaitForBufferAsync(TimeSpan.FromSeconds(40)); // 30 s before a frame a few seconds behind live
        await using var live = await LiveBrowser.OpenAsync(recording);
        var page = live.Page;
        await page.EvaluateAsync("() => { window.dmSamePage = true; }"); // gone if the page reloads

        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Clip the 30 seconds before the frame on screen" }).ClickAsync();
        var row = page.GetByTestId("recent-clip").First;
        await Assertions.Expect(row.GetByTestId("clip-status")).ToHaveTextAsync("Ready", CutTimeout);

        Assert.True(await page.EvaluateAsync<bool>("() => window.dmSamePage === true"));
        var id = await LivePage.ClipIdOfAsync(row);
        var clip = await LivePage.ClipAsync(recording, id);
        Assert.Equal("ready", (string?)clip["status"]);
        Assert.InRange((int)clip["duration_ms"]!, 29_960, 30_040); // what was cut: 30 s to a frame at 25 fps
        await Assertions.Expect(row.GetByRole(AriaRole.Img)).ToHaveAttributeAsync("alt", "Preview of Last 30 s");
    }

    [Fact]
    public async Task NextTenSecondsStartsAtThePlayingFrameAndIsReadyOnlyAfterThem()
    {
        await using var live = await LiveBrowser.OpenAsync(recording);
        var page = live.Page;
        var delay = page.GetByTestId("live-delay");
        await Assertions.Expect(delay).ToHaveTextAsync(DelayPattern(), new LocatorAssertionsToHaveTextOptions { Timeout = 10_000 });

        var before = DateTime.UtcNow;
        var behind = DelaySeconds(await delay.TextContentAsync());
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Clip the 10 seconds from the frame on screen on" }).ClickAsync();
        var row = page.GetByTestId("recent-clip").First;
        await Assertions.Expect(row.GetByTestId("clip-status")).Not.ToHaveTextAsync("Ready"); // those 10 s are not recorded yet
        var id = await LivePage.ClipIdOfAsync(row);
        var after = DateTime.UtcNow;

        // The clip starts at the frame on screen: now minus the delay the page showed, give or take its refresh.
        var start = ((DateTime)(await LivePage.ClipAsync(recording, id))["start_ts"]!).ToUniversalTime();
        Assert.InRange(start, before.AddSeconds(-behind - 1.5), after.AddSeconds(-behind + 1.5));

        await Assertions.Expect(row.GetByTestId("clip-status")).ToHaveTextAsync("Ready", CutTimeout);
        Assert.True(DateTime.UtcNow >= start.AddSeconds(10), "A clip of the next 10 s cannot be ready before they are recorded.");
        var clip = await LivePage.ClipAsync(recording, id);
        Assert.InRange((int)clip["duration_ms"]!, 9_960, 10_040);
    }

    [Fact]
    public async Task CustomRangeShowsTheServicesValidationAndCutsTheRangeInTheBrowsersTimeZone()
    {
        // A zone far from the server's UTC: the start typed is local time and must reach the service as such.
        var zone = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
        await using var live = await LiveBrowser.OpenAsync(recording, new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
            TimezoneId = zone.Id,
        });
        var page = live.Page;
        var form = await OpenCustomRangeAsync(page);
        var startField = form.GetByLabel("Start (your local time)");
        await Assertions.Expect(startField).Not.ToHaveValueAsync(""); // prefilled just before the frame on screen

        var durationField = form.GetByLabel("Duration (seconds)");
        await durationField.FillAsync("0");
        await form.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "Make this clip" }).ClickAsync();
        await Assertions.Expect(form.GetByTestId("custom-clip-errors")).ToContainTextAsync("duration_ms must be between 1000 and 300000");

        var wanted = (await recording.WaitForBufferAsync(TimeSpan.FromSeconds(12))).AddSeconds(-10);
        wanted = wanted.AddTicks(-(wanted.Ticks % TimeSpan.TicksPerSecond)); // the field holds whole seconds
        await SubmitCustomRangeAsync(form, TimeZoneInfo.ConvertTimeFromUtc(wanted, zone), seconds: 5);

        var row = page.GetByTestId("recent-clip").First;
        await Assertions.Expect(row.GetByTestId("clip-title")).ToHaveTextAsync("Custom 5 s");
        await Assertions.Expect(form.GetByTestId("custom-clip-errors")).ToHaveCountAsync(0);
        await Assertions.Expect(row.GetByTestId("clip-status")).ToHaveTextAsync("Ready", CutTimeout);
        var clip = await LivePage.ClipAsync(recording, await LivePage.ClipIdOfAsync(row));
        Assert.Equal(wanted, ((DateTime)clip["start_ts"]!).ToUniversalTime());
        Assert.InRange((int)clip["duration_ms"]!, 4_960, 5_040);
    }

    [Fact]
    public async Task ARangeTheBufferDoesNotHoldFailsInTheWorkerAndShowsWhy()
    {
        await using var live = await LiveBrowser.OpenAsync(recording);
        var page = live.Page;
        var form = await OpenCustomRangeAsync(page);

        // Two hours ago passes the service's rules (it may be recorded elsewhere); only the worker finds it missing.
        await SubmitCustomRangeAsync(form, TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow.AddHours(-2), TimeZoneInfo.Local), seconds: 5);

        var row = page.GetByTestId("recent-clip").First;
        await Assertions.Expect(row.GetByTestId("clip-status")).ToHaveTextAsync("Failed", CutTimeout);
        await Assertions.Expect(row.GetByTestId("clip-error")).ToContainTextAsync($"The buffer of camera '{RecordingApp.CameraId}' holds");
        var clip = await LivePage.ClipAsync(recording, await LivePage.ClipIdOfAsync(row));
        Assert.Equal("failed", (string?)clip["status"]);
        Assert.Equal((string?)clip["error"], (await row.GetByTestId("clip-error").TextContentAsync())?.Trim());
        // The "queued" snackbar sits over the row's corner until it times out; the screenshot shows the row.
        await Assertions.Expect(page.Locator(".mud-snackbar")).ToHaveCountAsync(0, new LocatorAssertionsToHaveCountOptions { Timeout = 15_000 });
        await row.ScrollIntoViewIfNeededAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Chromium.ScreenshotPath("live-clip-failed.png") });
    }

    private static async Task<ILocator> OpenCustomRangeAsync(IPage page)
    {
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Custom range" }).ClickAsync();
        var form = page.GetByTestId("custom-clip");
        await Assertions.Expect(form).ToBeVisibleAsync();
        return form;
    }

    private static async Task SubmitCustomRangeAsync(ILocator form, DateTime localStart, int seconds)
    {
        // Chromium writes a datetime-local value back without ":00" seconds, and Playwright refuses a fill that does
        // not read back as written: so a whole minute is typed the way the browser shows it.
        var format = localStart.Second == 0 ? "yyyy-MM-ddTHH:mm" : "yyyy-MM-ddTHH:mm:ss";
        await form.GetByLabel("Start (your local time)").FillAsync(localStart.ToString(format, CultureInfo.InvariantCulture));
        await form.GetByLabel("Duration (seconds)").FillAsync(seconds.ToString(CultureInfo.InvariantCulture));
        await form.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "Make this clip" }).ClickAsync();
    }

    private static double DelaySeconds(string? text) =>
        double.Parse(DelayPattern().Match(text ?? "").Groups[1].Value, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^(\d+\.\d) s behind live$")]
    private static partial Regex DelayPattern();
}
