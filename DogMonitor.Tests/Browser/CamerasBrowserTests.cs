using DogMonitor.Domain.Recording;
using DogMonitor.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace DogMonitor.Tests.Browser;

/// <summary>
/// The admin's cameras page in Chromium: over the recording app's synthetic camera, and over three network cameras
/// whose recorder reports the test writes (one refuses its password), as the README shows it.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class CamerasBrowserTests(RecordingApp recording)
{
    [Fact]
    public async Task TheOwnerOpensCamerasFromTheAccountMenuAndSeesTheTestPatternRecording()
    {
        await using var browser = await BrowserSession.StartAsync();
        var page = await browser.NewPageAsync(recording.BaseUrl);
        await page.GotoAsync(recording.BaseUrl + "/settings");
        await GalleryBrowserTests.WaitForCircuitAsync(page);

        await page.GetByTestId("account-menu").ClickAsync();
        await page.GetByTestId("menu-cameras").ClickAsync();
        await page.WaitForURLAsync("**/admin/cameras");
        await GalleryBrowserTests.WaitForCircuitAsync(page);

        var row = page.Locator("tr", new PageLocatorOptions { Has = page.Locator($"[data-testid=camera-row][data-camera={RecordingApp.CameraId}]") });
        await Assertions.Expect(row.GetByTestId("camera-state")).ToHaveTextAsync("Recording");
        await Assertions.Expect(row.GetByTestId("camera-id")).ToHaveTextAsync(RecordingApp.CameraId);
        await Assertions.Expect(row.GetByTestId("camera-address")).ToHaveTextAsync("synthetic:640x360@25");
        await Assertions.Expect(row.GetByTestId("camera-buffer")).ToContainTextAsync("–");
        await Assertions.Expect(page.GetByTestId("camera-problem")).ToHaveCountAsync(0);

        var checkedAt = await page.GetByTestId("cameras-checked").InnerTextAsync();
        await Task.Delay(1100); // the time shown has seconds
        await page.GetByTestId("cameras-refresh").ClickAsync();
        await Assertions.Expect(page.GetByTestId("cameras-checked")).Not.ToHaveTextAsync(checkedAt);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Chromium.ScreenshotPath("cameras-test-pattern.png") });
    }

    [Fact]
    public async Task ACameraThatDoesNotRecordSaysWhyWithoutShowingAPasswordInLightAndDark()
    {
        await using var environment = new EmbeddedEnvironment();
        await environment.InitializeAsync();
        var port = FreePort.Next();
        // No recorder runs (the environment switches it off): the reports below are the only ones.
        var app = await environment.StartAppAsync("cameras-page", settings =>
        {
            (settings["Cameras:0:Id"], settings["Cameras:0:Name"], settings["Cameras:0:Source"]) = ("living-room", "Living room", "rtsp://viewer:living-room-secret@192.168.1.20/stream1");
            (settings["Cameras:1:Id"], settings["Cameras:1:Name"], settings["Cameras:1:Source"]) = ("garden", "Garden", "rtsp://192.168.1.21:554/h265");
            (settings["Cameras:2:Id"], settings["Cameras:2:Name"], settings["Cameras:2:Source"]) = ("yard", "Yard", "rtsp://admin:yard-secret@192.168.1.22/stream1");
        }, kestrelPort: port);
        var baseUrl = $"http://127.0.0.1:{port}";
        await using var browser = await BrowserSession.StartAsync();

        foreach (var scheme in new[] { ColorScheme.Light, ColorScheme.Dark })
        {
            // Written afresh each time: a report older than a few seconds counts as a recorder that stopped.
            await WriteReportsAsync(app);
            var page = await browser.Browser.NewSignedInPageAsync(baseUrl, new BrowserNewContextOptions
            {
                ViewportSize = new ViewportSize { Width = 1280, Height = 720 }, ColorScheme = scheme,
            });
            await page.GotoAsync(baseUrl + "/admin/cameras");
            await GalleryBrowserTests.WaitForCircuitAsync(page);

            var why = page.Locator("[data-testid=camera-problem][data-camera=yard]");
            await Assertions.Expect(why).ToContainTextAsync("Yard is not recording: The camera refused the user name or password.");
            await Assertions.Expect(page.Locator("[data-testid=camera-row][data-camera=living-room]").Locator("xpath=..").GetByTestId("camera-video"))
                .ToContainTextAsync("H.264 High");
            var html = await page.ContentAsync();
            Assert.DoesNotContain("secret", html, StringComparison.Ordinal);
            Assert.Contains("rtsp://admin:•••@192.168.1.22/stream1", html, StringComparison.Ordinal);
            var violations = await Axe.ViolationsAsync(page);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Chromium.ScreenshotPath(scheme == ColorScheme.Light ? "cameras.png" : "cameras-dark.png") });
            Assert.True(violations.Count == 0, $"/admin/cameras ({scheme}) breaks WCAG 2.1 AA:\n{string.Join('\n', violations)}");
        }

        // On a phone the table turns into one card a camera, and nothing (a long address) pushes the page sideways.
        await WriteReportsAsync(app);
        var phone = await browser.Browser.NewSignedInPageAsync(baseUrl, new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 375, Height = 800 }, IsMobile = true, HasTouch = true,
        });
        await phone.GotoAsync(baseUrl + "/admin/cameras");
        await GalleryBrowserTests.WaitForCircuitAsync(phone);
        await Assertions.Expect(phone.Locator("[data-testid=camera-problem][data-camera=yard]")).ToBeVisibleAsync();
        // The table's own box clips what is too wide for it, so each cell is measured, not the page.
        var overflowing = await phone.EvaluateAsync<string[]>(
            "() => [...document.querySelectorAll('td')].filter(td => td.scrollWidth > td.clientWidth || td.getBoundingClientRect().right > window.innerWidth).map(td => td.textContent.trim())");
        Assert.True(overflowing.Length == 0, $"Too wide for a 375 px phone: {string.Join(" | ", overflowing)}");
        Assert.True(await phone.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"));
        await phone.ScreenshotAsync(new PageScreenshotOptions { Path = Chromium.ScreenshotPath("cameras-phone.png"), FullPage = true });
    }

    private static async Task WriteReportsAsync(DogMonitorApp app)
    {
        var states = app.Services.GetRequiredService<CameraStateFiles>();
        var now = DateTime.UtcNow;
        var cancellationToken = TestContext.Current.CancellationToken;
        await states.WriteAsync(new CameraState("living-room", true, now.AddMinutes(-30), now, null, null, 0, now,
            new CameraStream("h264", "High", 1920, 1080, 25, "aac", 48000, AudioTranscoded: false, LiveTranscoded: false)), cancellationToken);
        await states.WriteAsync(new CameraState("garden", true, now.AddMinutes(-30), now,
            "Nothing answers at 192.168.1.21:554: the camera may be off or restarting, or the port is wrong. DogMonitor keeps trying.", now.AddMinutes(-12), 1, now,
            new CameraStream("hevc", "Main", 2560, 1440, 15, "pcm_alaw", 8000, AudioTranscoded: true, LiveTranscoded: true)), cancellationToken);
        await states.WriteAsync(new CameraState("yard", false, null, null,
            "The camera refused the user name or password. Check them in the camera's source (rtsp://user:password@host/path); DogMonitor tries again every few minutes.",
            now.AddSeconds(-40), 3, now), cancellationToken);
    }
}
