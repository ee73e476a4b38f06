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
