using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DogMonitor.Tests.Infrastructure;
using Microsoft.Playwright;

namespace DogMonitor.Tests.Browser;

/// <summary>
/// The pages against the published app, as a new user meets them: the app sends them to sign in, the setup link from
/// its console makes the first admin and signs them in, the live page plays, Snapshot and Clip land in the gallery with
/// pictures, the clip plays there, and its share link plays for a stranger until revoked.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PublishedAppTests(PublishedApp app) : IClassFixture<PublishedApp>
{
    private const string Email = "me@example.com";
    private const string Password = "my dog is called Biscuit";

    [Fact]
    public async Task LiveGalleryAndSharePageWorkInThePublishedApp()
    {
        await using var browser = await BrowserSession.StartAsync();
        var person = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        var live = await person.NewPageAsync();
        await live.GotoAsync(app.BaseUrl + "/");
        await live.WaitForURLAsync("**/signin?ReturnUrl=%2F**");
        await Assertions.Expect(live.GetByTestId("signin-error")).ToContainTextAsync("setup link");

        Assert.Equal(403, (await live.GotoAsync(app.BaseUrl + "/setup?code=0123456789abcdef0123456789abcdef"))!.Status);
        await live.GotoAsync(app.SetupLink);
        await live.GetByLabel("Email").FillAsync(Email);
        await live.GetByLabel("Password (at least").FillAsync(Password);
        await live.GetByLabel("Password again").FillAsync(Password);
        await live.ScreenshotAsync(new PageScreenshotOptions { Path = Chromium.ScreenshotPath("setup.png") });
        await live.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Create admin and sign in" }).ClickAsync();
        await live.WaitForURLAsync("**/live");
        await app.UseAccountAsync(Email, Password);
        // The recording began a moment ago. The player shows a frame some 4 s behind the newest, so the buffer must
        // hold well over 10 s before "Last 10 s" can be cut from that frame.
        await app.WaitForBufferAsync(TimeSpan.FromSeconds(18));
        await live.ReloadAsync();
        await GalleryBrowserTests.WaitForAsync(live, "() => (document.querySelector('video')?.currentTime ?? 0) > 1", "the live video to play", 30_000);

        await live.GetByLabel("Note (optional)").FillAsync("published snapshot");
        await live.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Take a snapshot" }).ClickAsync();
        await Assertions.Expect(live.GetByTestId("last-snapshot")).ToBeVisibleAsync(new LocatorAssertionsToBeVisibleOptions { Timeout = 10_000 });
        await live.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Clip the 10 seconds before the frame on screen" }).ClickAsync();

        var gallery = await person.NewPageAsync();
        await gallery.GotoAsync(app.BaseUrl + "/gallery");
        await GalleryBrowserTests.WaitForCircuitAsync(gallery);
        await Assertions.Expect(gallery.GetByTestId("snapshot-card").Filter(new LocatorFilterOptions { HasText = "published snapshot" })).ToHaveCountAsync(1);
        await GalleryBrowserTests.WaitForAsync(gallery, "() => [...document.querySelectorAll('[data-testid=snapshot-card] img')].some(i => i.complete && i.naturalWidth > 0)",
            "the snapshot's thumbnail to load");

        await gallery.GetByRole(AriaRole.Tab, new PageGetByRoleOptions { NameRegex = new System.Text.RegularExpressions.Regex("^Clips") }).ClickAsync();
        var clip = gallery.GetByTestId("clip-card").First;
        await Assertions.Expect(clip).ToHaveAttributeAsync("data-status", "ready", new LocatorAssertionsToHaveAttributeOptions { Timeout = 60_000 });
        await clip.Locator("button.dm-card-open").ClickAsync();
        await GalleryBrowserTests.WaitForAsync(gallery, "() => (document.querySelector('[data-testid=viewer-video]')?.currentTime ?? 0) > 1", "the clip to play");
        await gallery.Keyboard.PressAsync("Escape");

        var clips = await app.Client.GetFromJsonAsync<JsonObject>("/api/clips");
        var id = (string)clips!["items"]!.AsArray()[0]!["id"]!;
        var share = await (await app.Client.PostAsync($"/api/clips/{id}/share", null)).Content.ReadFromJsonAsync<JsonObject>();
        var link = (string)share!["url"]!;
        await using var stranger = await browser.Browser.NewContextAsync();
        var page = await stranger.NewPageAsync();
        Assert.Equal(200, (await page.GotoAsync(link))!.Status);
        await GalleryBrowserTests.WaitForAsync(page,
            "() => { const v = document.querySelector('video'); if (v && v.paused) v.play().catch(() => {}); return (v?.currentTime ?? 0) > 1; }",
            "the shared clip to play for a stranger");

        Assert.Equal(HttpStatusCode.NoContent, (await app.Client.DeleteAsync($"/api/clips/{id}/share")).StatusCode);
        Assert.Equal(410, (await page.GotoAsync(link))!.Status);

        // Sign out from the account menu, and back in on the sign-in page, which returns to where the person was.
        await gallery.GetByTestId("account-menu").ClickAsync();
        await gallery.GetByTestId("menu-signout").ClickAsync();
        await gallery.WaitForURLAsync("**/signin");
        await gallery.GotoAsync(app.BaseUrl + "/gallery?tab=clips");
        await gallery.WaitForURLAsync("**/signin?ReturnUrl=%2Fgallery%3Ftab%3Dclips");
        await gallery.GetByLabel("Email").FillAsync(Email);
        await gallery.GetByLabel("Password").FillAsync("not my password at all");
        await gallery.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Sign in", Exact = true }).ClickAsync();
        await Assertions.Expect(gallery.GetByTestId("signin-error")).ToContainTextAsync("The email or the password is wrong.");
        await gallery.GetByLabel("Password").FillAsync(Password);
        await gallery.ScreenshotAsync(new PageScreenshotOptions { Path = Chromium.ScreenshotPath("signin.png") });
        await gallery.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Sign in", Exact = true }).ClickAsync();
        await gallery.WaitForURLAsync("**/gallery?tab=clips");
        await GalleryBrowserTests.WaitForCircuitAsync(gallery);
    }
}
