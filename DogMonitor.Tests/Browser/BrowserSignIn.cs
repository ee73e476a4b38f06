using DogMonitor.Tests.Infrastructure;
using Microsoft.Playwright;

namespace DogMonitor.Tests.Browser;

/// <summary>
/// Pages of a signed-in person: each in its own browser context, signed in through <c>POST /api/auth/login</c>, whose
/// session cookie the context keeps (the sign-in page itself has tests of its own).
/// </summary>
internal static class BrowserSignIn
{
    public static async Task<IPage> NewSignedInPageAsync(this IBrowser browser, string baseUrl, BrowserNewContextOptions? options = null,
        string email = TestAccounts.OwnerEmail, string password = TestAccounts.OwnerPassword)
    {
        var context = await browser.NewContextAsync(options ?? new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        await SignInAsync(context, baseUrl, email, password);
        return await context.NewPageAsync();
    }

    public static async Task SignInAsync(IBrowserContext context, string baseUrl, string email = TestAccounts.OwnerEmail, string password = TestAccounts.OwnerPassword)
    {
        var response = await context.APIRequest.PostAsync(baseUrl + "/api/auth/login", new APIRequestContextOptions { DataObject = new { email, password } });
        Assert.True(response.Status == 204, $"Signing in {email} answered {response.Status}: {await response.TextAsync()}");
    }
}
