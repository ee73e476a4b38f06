using DogMonitor.Tests.Infrastructure;
using Microsoft.Playwright;

namespace DogMonitor.Tests.Browser;

/// <summary>
/// Passkeys in Chromium with a virtual authenticator, against a real app on a socket: added at /settings/passkeys after a
/// password sign-in, then the only thing needed to sign in. The browser is sent to <c>localhost</c>, not 127.0.0.1,
/// because a passkey belongs to a domain (the relying party id), and localhost is a secure context without https.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PasskeyBrowserTests : IAsyncLifetime
{
    private const string AdminEmail = "owner@example.org";
    private const string AdminPassword = "a dog called Biscuit";
    private readonly EmbeddedEnvironment _environment = new();
    private readonly List<string> _cspViolations = [];
    private readonly int _port = FreePort.Next();

    private string BaseUrl => $"http://localhost:{_port}";

    public async ValueTask InitializeAsync()
    {
        await _environment.StartAppAsync("passkeys", settings =>
        {
            settings["Auth:InitialAdmin:Email"] = AdminEmail;
            settings["Auth:InitialAdmin:Password"] = AdminPassword;
            settings["Recording:Enabled"] = "false";
        }, kestrelPort: _port);
    }

    [Fact]
    public async Task APasskeyAddedInSettingsSignsInWithoutThePasswordAndLandsOnLive()
    {
        await using var browser = await BrowserSession.StartAsync();
        var page = await NewPageAsync(browser);
        var authenticator = await VirtualAuthenticator.AttachAsync(page);

        await SignInWithPasswordAsync(page, AdminEmail, AdminPassword, "/settings/passkeys");
        await Assertions.Expect(page.GetByTestId("no-passkeys")).ToBeVisibleAsync();
        await AddPasskeyAsync(page, "Kitchen laptop");
        await Assertions.Expect(page.GetByTestId("passkeys-status")).ToContainTextAsync("The passkey was added");
        var passkey = page.GetByTestId("passkey");
        await Assertions.Expect(passkey).ToHaveCountAsync(1);
        await Assertions.Expect(passkey.GetByLabel("Name")).ToHaveValueAsync("Kitchen laptop");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Chromium.ScreenshotPath("passkeys.png"), FullPage = true });
        // The authenticator now holds a discoverable passkey for this host.
        var credential = Assert.Single(await authenticator.CredentialsAsync());
        Assert.Equal("localhost", credential.GetProperty("rpId").GetString());
        Assert.True(credential.GetProperty("isResidentCredential").GetBoolean());

        await SignOutAsync(page);
        var signIn = await page.GotoAsync(BaseUrl + "/live");
        Assert.Equal(200, signIn!.Status);
        await page.WaitForURLAsync("**/signin?ReturnUrl=%2Flive");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Chromium.ScreenshotPath("signin.png") });
        // Nothing typed: the passkey alone names the account and proves it.
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Sign in with a passkey" }).ClickAsync();
        await page.WaitForURLAsync(BaseUrl + "/live");
        var me = await (await page.APIRequest.GetAsync(BaseUrl + "/api/auth/me")).JsonAsync();
        Assert.Equal(AdminEmail, me!.Value.GetProperty("email").GetString());
        // A passkey session lasts as long as a password one, not only until the browser closes.
        var session = Assert.Single(await page.Context.CookiesAsync([BaseUrl]), c => c.Name == "DogMonitor.Session");
        Assert.True(DateTimeOffset.FromUnixTimeSeconds((long)session.Expires) > DateTimeOffset.UtcNow.AddDays(13), $"The session cookie expires at {session.Expires}.");

        Assert.Empty(_cspViolations);
    }

    [Fact]
    public async Task ARenamedPasskeyStillSignsInAndARemovedOneIsRefusedInWords()
    {
        await using var browser = await BrowserSession.StartAsync();
        var page = await NewPageAsync(browser);
        var authenticator = await VirtualAuthenticator.AttachAsync(page);
        await SignInWithPasswordAsync(page, AdminEmail, AdminPassword, "/settings/passkeys");
        await AddPasskeyAsync(page, "");
        var passkey = page.GetByTestId("passkey");
        await Assertions.Expect(passkey.GetByLabel("Name")).ToHaveValueAsync("Passkey");

        await passkey.GetByLabel("Name").FillAsync("Phone");
        await passkey.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "Rename" }).ClickAsync();
        await page.WaitForURLAsync("**/settings/passkeys?done=renamed");
        await Assertions.Expect(page.GetByTestId("passkey").GetByLabel("Name")).ToHaveValueAsync("Phone");

        await SignOutAsync(page);
        await SignInWithPasskeyAsync(page);
        await page.WaitForURLAsync(BaseUrl + "/live");

        await page.GotoAsync(BaseUrl + "/settings/passkeys");
        var otherTab = await page.Context.NewPageAsync();
        await otherTab.GotoAsync(BaseUrl + "/settings/passkeys");
        await page.GetByTestId("passkey").GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "Remove" }).ClickAsync();
        await page.WaitForURLAsync("**/settings/passkeys?done=removed");
        await Assertions.Expect(page.GetByTestId("passkey")).ToHaveCountAsync(0);
        // A tab opened before still shows it; renaming it there is answered, not failed.
        await otherTab.GetByTestId("passkey").GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "Rename" }).ClickAsync();
        await Assertions.Expect(otherTab.GetByTestId("passkeys-error")).ToHaveTextAsync("That passkey is no longer on your account.");
        await Assertions.Expect(otherTab.GetByTestId("passkey")).ToHaveCountAsync(0);
        Assert.Single(await authenticator.CredentialsAsync()); // the device still offers it…

        await SignOutAsync(page);
        await SignInWithPasskeyAsync(page);
        // …and the app says why it is no longer enough.
        await Assertions.Expect(page.GetByTestId("signin-error")).ToHaveTextAsync("This passkey is not registered here, or it was removed. Sign in with your password.");
        Assert.Contains("/signin", page.Url);
        Assert.Empty(_cspViolations);
    }

    [Fact]
    public async Task ADisabledAccountsPasskeyIsRefused()
    {
        await using var browser = await BrowserSession.StartAsync();
        var admin = await NewPageAsync(browser);
        await SignInWithPasswordAsync(admin, AdminEmail, AdminPassword, "/live");
        var created = await admin.APIRequest.PostAsync(BaseUrl + "/api/users", new APIRequestContextOptions
        {
            DataObject = new { email = "walker@example.org", password = "walks twice a day", role = "member" },
        });
        Assert.True(created.Status == 201, await created.TextAsync());
        var walkerId = (await created.JsonAsync())!.Value.GetProperty("id").GetString();

        var walker = await NewPageAsync(browser);
        await VirtualAuthenticator.AttachAsync(walker);
        await SignInWithPasswordAsync(walker, "walker@example.org", "walks twice a day", "/settings/passkeys");
        await AddPasskeyAsync(walker, "Walker's phone");
        await SignOutAsync(walker);

        var disabled = await admin.APIRequest.PatchAsync(BaseUrl + $"/api/users/{walkerId}", new APIRequestContextOptions { DataObject = new { disabled = true } });
        Assert.True(disabled.Status == 200, await disabled.TextAsync());
        await SignInWithPasskeyAsync(walker);
        await Assertions.Expect(walker.GetByTestId("signin-error")).ToHaveTextAsync("This account is disabled. An admin can enable it again.");
        Assert.DoesNotContain(await walker.Context.CookiesAsync([BaseUrl]), c => c.Name == "DogMonitor.Session");
    }

    /// <summary>A page in a context of its own (its own cookies), whose console is watched for CSP violations.</summary>
    private async Task<IPage> NewPageAsync(BrowserSession browser)
    {
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        var page = await context.NewPageAsync();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
                lock (_cspViolations) _cspViolations.Add($"{page.Url}: {message.Text}");
        };
        return page;
    }

    private async Task SignInWithPasswordAsync(IPage page, string email, string password, string path)
    {
        await page.GotoAsync(BaseUrl + path);
        await page.WaitForURLAsync("**/signin?ReturnUrl=**");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Sign in", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(BaseUrl + path);
    }

    private static async Task AddPasskeyAsync(IPage page, string name)
    {
        await page.GetByLabel("Name (the device or key it lives on)").FillAsync(name);
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Add a passkey" }).ClickAsync();
        await page.WaitForURLAsync("**/settings/passkeys?done=added");
    }

    /// <summary>Presses the passkey button on a fresh sign-in page; the caller waits for where it leads.</summary>
    private async Task SignInWithPasskeyAsync(IPage page)
    {
        await page.GotoAsync(BaseUrl + "/signin");
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Sign in with a passkey" }).ClickAsync();
    }

    /// <summary>
    /// Posts a sign-out form as the account menu's does (<c>POST /signout</c> with the page's antiforgery token, taken
    /// from the passkeys page); afterwards there is no session.
    /// </summary>
    private async Task SignOutAsync(IPage page)
    {
        if (!page.Url.Contains("/settings/passkeys", StringComparison.Ordinal)) await page.GotoAsync(BaseUrl + "/settings/passkeys");
        await page.EvaluateAsync("""
            () => {
              const form = Object.assign(document.createElement("form"), { method: "post", action: "/signout" });
              form.append(document.querySelector("input[name=__RequestVerificationToken]").cloneNode());
              document.body.append(form);
              form.submit();
            }
            """);
        await page.WaitForURLAsync(BaseUrl + "/signin");
        Assert.DoesNotContain(await page.Context.CookiesAsync([BaseUrl]), c => c.Name == "DogMonitor.Session");
    }

    public async ValueTask DisposeAsync() => await _environment.DisposeAsync();
}
