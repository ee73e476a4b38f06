using System.Net;
using Bunit;
using DogMonitor.Domain.Accounts;
using DogMonitor.Tests.Infrastructure;
using DogMonitor.Web.Components.Pages;

namespace DogMonitor.Tests.Web.Components;

/// <summary>The settings page's API keys, rendered by bunit over the real services of an embedded app.</summary>
public sealed class SettingsPageTests(EmbeddedEnvironment environment) : SignedInPageContext(environment)
{
    [Fact]
    public async Task ANewKeysSecretIsShownOnceAndWorks()
    {
        await UseFreshAppSignedInAsync();
        var page = Render<Settings>();
        page.WaitForAssertion(() => Assert.Equal("true", page.Find("h1").GetAttribute("data-interactive")));
        Assert.Equal(TestAccounts.OwnerEmail, page.Find("[data-testid=settings-email]").TextContent);
        var keysBefore = page.FindAll("[data-testid=key-name]").Count; // the test app's own key for its clients

        page.Find("[data-testid=new-key]").Click();
        Dialogs.WaitForAssertion(() => Assert.NotNull(Dialogs.Find("input[data-testid=new-key-name]")));
        // Refused: the domain's own sentence, and the dialog stays open.
        Dialogs.Find("[data-testid=new-key-create]").Click();
        Dialogs.WaitForAssertion(() => Assert.StartsWith("name is required", Dialogs.Find("[data-testid=new-key-error]").TextContent.Trim()));

        Dialogs.Find("input[data-testid=new-key-name]").Change("backup script");
        Dialogs.Find("input[data-testid=new-key-write]").Click();
        Dialogs.Find("input[data-testid=new-key-days]").Change("30");
        Dialogs.Find("[data-testid=new-key-create]").Click();

        Dialogs.WaitForAssertion(() => Assert.NotNull(Dialogs.Find("input[data-testid=new-key-secret]")));
        var secret = Dialogs.Find("input[data-testid=new-key-secret]").GetAttribute("value")!;
        Assert.StartsWith(ApiKeySecrets.Marker, secret);
        Assert.Contains("will not be shown again", Dialogs.Find("[data-testid=new-key-warning]").TextContent);
        var usage = Dialogs.Find("[data-testid=new-key-usage]").TextContent;
        Assert.Contains($"Authorization: Bearer {secret}", usage);
        Assert.Contains($"X-Api-Key: {secret}", usage);
        Assert.NotNull(Dialogs.Find("button[aria-label='Copy the key']"));

        // The secret is a real key of this user's, with the access chosen.
        using var client = App.CreateAnonymousClient().WithKey(secret);
        var me = await client.GetStringAsync("/api/auth/me");
        Assert.Contains("\"scope\":\"write\"", me);
        Assert.Contains(TestAccounts.OwnerEmail, me);

        Dialogs.Find("[data-testid=new-key-done]").Click();
        Dialogs.WaitForAssertion(() => Assert.Empty(Dialogs.FindAll("[data-testid=new-key-dialog]")));
        page.WaitForAssertion(() => Assert.Equal(keysBefore + 1, page.FindAll("[data-testid=key-name]").Count));
        var row = page.FindAll("tr").Single(r => r.TextContent.Contains("backup script"));
        Assert.Equal("Read and write", row.QuerySelector("[data-testid=key-scope]")!.TextContent.Trim());
        Assert.Equal(secret[..ApiKeySecrets.PrefixLength] + "…", row.QuerySelector("[data-testid=key-prefix]")!.TextContent.Trim());
        Assert.NotEqual("Never", row.QuerySelector("[data-testid=key-expires]")!.TextContent.Trim());
        // Once closed, the secret is nowhere: the page shows only its first characters.
        Assert.DoesNotContain(secret, page.Markup);
        Assert.DoesNotContain(secret, Dialogs.Markup);
        Assert.DoesNotContain(secret, Render<Settings>().Markup);
    }

    [Fact]
    public async Task RevokingAKeyAsksFirstAndTheKeyStopsWorking()
    {
        await UseFreshAppSignedInAsync();
        var key = await TestAccounts.CreateKeyAsync(App.Services, App.OwnerId, ApiKeyScope.Read);
        using var client = App.CreateAnonymousClient().WithKey(key);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/auth/me")).StatusCode);
        var page = Render<Settings>();
        page.WaitForAssertion(() => Assert.Equal("true", page.Find("h1").GetAttribute("data-interactive")));
        const string revoke = "button[aria-label='Revoke the key “test read”']";
        Assert.Equal("Read only", page.FindAll("tr").Single(r => r.TextContent.Contains("test read")).QuerySelector("[data-testid=key-scope]")!.TextContent.Trim());

        page.Find(revoke).Click();
        Dialogs.WaitForAssertion(() => Assert.Contains("Revoke “test read”?", Dialogs.Markup));
        Dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Cancel").Click();
        Dialogs.WaitForAssertion(() => Assert.DoesNotContain("Revoke “test read”?", Dialogs.Markup));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/auth/me")).StatusCode);

        page.Find(revoke).Click();
        Dialogs.WaitForAssertion(() => Assert.Contains("Revoke “test read”?", Dialogs.Markup));
        Dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Revoke").Click();

        page.WaitForAssertion(() => Assert.Empty(page.FindAll(revoke)));
        Snackbars.WaitForAssertion(() => Assert.Contains("“test read” is revoked.", Snackbars.Markup));
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/auth/me")).StatusCode);
        // The app's own key is untouched.
        Assert.Single(page.FindAll("[data-testid=key-name]"));
    }
}
