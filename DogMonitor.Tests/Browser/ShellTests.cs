using DogMonitor.Tests.Infrastructure;
using Microsoft.Playwright;

namespace DogMonitor.Tests.Browser;

/// <summary>The app shell around the pages: navigation on a phone, the theme, the keyboard.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ShellTests(RecordingApp recording)
{
    // DogTheme's backgrounds: a warm cream by day, a warm brown-black by night.
    private const string LightBackground = "rgb(255, 248, 240)";
    private const string DarkBackground = "rgb(23, 18, 15)";

    [Fact]
    public async Task OnAPhoneTheMenuReachesTheGalleryAndNothingOverflowsSideways()
    {
        await using var live = await LiveBrowser.OpenAsync(recording, new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 375, Height = 800 },
            IsMobile = true,
            HasTouch = true,
            ColorScheme = ColorScheme.Dark,
        });
        var page = live.Page;
        await Assertions.Expect(page.GetByTestId("live-delay")).ToContainTextAsync("behind live", new LocatorAssertionsToContainTextOptions { Timeout = 10_000 });

        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"),
            $"The page is {await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth")} px wide in a 375 px viewport.");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Take a snapshot" })).ToBeInViewportAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Chromium.ScreenshotPath("live-phone.png") });

        // The app bar's links give way to a menu button on a phone.
        var mainNav = page.GetByRole(AriaRole.Navigation, new PageGetByRoleOptions { Name = "Main", Exact = true });
        await Assertions.Expect(mainNav).ToBeHiddenAsync();
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Open the navigation menu" }).ClickAsync();
        var gallery = page.GetByRole(AriaRole.Navigation, new PageGetByRoleOptions { Name = "Main menu" })
            .GetByRole(AriaRole.Link, new LocatorGetByRoleOptions { Name = "Gallery" });
        await Assertions.Expect(gallery).ToBeVisibleAsync();
        await page.WaitForFunctionAsync("() => document.getAnimations().every(a => a.playState !== 'running')"); // the drawer's slide
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Chromium.ScreenshotPath("live-phone-menu.png") });
        await gallery.ClickAsync();
        await page.WaitForURLAsync("**/gallery**");
    }

    [Fact]
    public async Task TheThemeFollowsTheSystemUntilTheUserPicksOneAndRemembersThatChoice()
    {
        var (playwright, browser) = await Chromium.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
            ColorScheme = ColorScheme.Light,
        });
        await BrowserSignIn.SignInAsync(context, recording.BaseUrl);
        var page = await context.NewPageAsync();
        await page.GotoAsync(recording.BaseUrl + "/live");
        await LivePage.WaitForPlaybackAsync(page, minimum: 0.5, TimeSpan.FromSeconds(20));
        await ExpectBackgroundAsync(page, LightBackground);
        await Assertions.Expect(page.GetByTestId("live-delay")).ToContainTextAsync("behind live", new LocatorAssertionsToContainTextOptions { Timeout = 10_000 });
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Chromium.ScreenshotPath("live-light.png") });

        // The system turns dark while the page is open: the page follows.
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { ColorScheme = ColorScheme.Dark });
        await ExpectBackgroundAsync(page, DarkBackground);

        // The toggle overrides the system (system → light → dark → system), and a reload keeps the choice.
        var toggle = page.GetByTestId("theme-toggle");
        await toggle.ClickAsync();
        await ExpectBackgroundAsync(page, LightBackground);
        await page.ReloadAsync();
        await LivePage.WaitForPlaybackAsync(page, minimum: 0.5, TimeSpan.FromSeconds(20));
        await ExpectBackgroundAsync(page, LightBackground);
        await Assertions.Expect(toggle).ToHaveAttributeAsync("aria-label", "Theme: light. Switch to dark");
        await toggle.ClickAsync();
        await ExpectBackgroundAsync(page, DarkBackground);
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { ColorScheme = ColorScheme.Light });
        await Assertions.Expect(toggle).ToHaveAttributeAsync("data-system-scheme", "light"); // the shell heard the change…
        await ExpectBackgroundAsync(page, DarkBackground); // …but the user chose dark, so the system no longer decides
        await toggle.ClickAsync();
        await ExpectBackgroundAsync(page, LightBackground); // back to following the (now light) system
    }

    [Fact]
    public async Task TheKeyboardSkipsToTheContentAndTakesASnapshotWithTab()
    {
        await using var live = await LiveBrowser.OpenAsync(recording);
        var page = live.Page;
        var before = await LivePage.SnapshotCountAsync(recording);

        // Blazor's FocusOnNavigate puts focus on the page's heading; a keyboard user starting from the top of the
        // document meets the skip link first, hidden until it has focus.
        var skip = page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "Skip to content" });
        Assert.True(await skip.EvaluateAsync<bool>(
            "a => [...document.querySelectorAll('a[href], button, input, select, textarea, [tabindex]')].find(e => e.tabIndex >= 0) === a"));
        await Assertions.Expect(skip).Not.ToBeInViewportAsync();
        await skip.FocusAsync();
        await Assertions.Expect(skip).ToBeInViewportAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("main#main-content")).ToBeFocusedAsync();

        var snapshot = page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Take a snapshot" });
        for (var presses = 0; presses < 30 && !await IsFocusedAsync(snapshot); presses++)
            await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(snapshot).ToBeFocusedAsync();
        // Focus is visible: the shell draws an outline round the focused control.
        Assert.NotEqual("none", await snapshot.EvaluateAsync<string>("b => getComputedStyle(b).outlineStyle"));

        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByTestId("last-snapshot")).ToBeVisibleAsync(new LocatorAssertionsToBeVisibleOptions { Timeout = 10_000 });
        Assert.Equal(before + 1, await LivePage.SnapshotCountAsync(recording));
    }

    private static Task<bool> IsFocusedAsync(ILocator locator) => locator.EvaluateAsync<bool>("e => e === document.activeElement");

    private static Task ExpectBackgroundAsync(IPage page, string colour) =>
        Assertions.Expect(page.Locator("body")).ToHaveCSSAsync("background-color", colour, new LocatorAssertionsToHaveCSSOptions { Timeout = 10_000 });
}
