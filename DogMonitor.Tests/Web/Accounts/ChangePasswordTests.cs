using System.Net;
using System.Net.Http.Json;
using DogMonitor.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace DogMonitor.Tests.Web.Accounts;

/// <summary>
/// The password page (<c>/settings/password</c>) as a browser meets it: the form keeps this browser signed in and ends
/// the user's other sessions; Identity's refusals are shown as it words them.
/// </summary>
public sealed class ChangePasswordTests(EmbeddedEnvironment environment) : IClassFixture<EmbeddedEnvironment>
{
    private const string NewPassword = "a brand new walk in the park";

    [Fact]
    public async Task ANewPasswordKeepsThisBrowserAndEndsTheOtherSessions()
    {
        // Sessions are checked against the account every second, rather than once a minute.
        var app = await environment.StartAppAsync("password", settings => settings["Auth:RevalidationInterval"] = "00:00:01");
        var here = await SignedInBrowserAsync(app, TestAccounts.OwnerPassword);
        var elsewhere = await SignedInBrowserAsync(app, TestAccounts.OwnerPassword);

        var wrong = await ChangeAsync(here, "not my password at all", NewPassword, NewPassword);
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Contains("Incorrect password.", await TextOfAsync(wrong), StringComparison.Ordinal);
        var differ = await ChangeAsync(here, TestAccounts.OwnerPassword, NewPassword, NewPassword + "!");
        Assert.Contains("The two new passwords differ.", await TextOfAsync(differ), StringComparison.Ordinal);
        var tooShort = await ChangeAsync(here, TestAccounts.OwnerPassword, "dog", "dog");
        Assert.Contains("at least 12 characters", await TextOfAsync(tooShort), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await elsewhere.GetAsync("/api/auth/me")).StatusCode);

        var changed = await ChangeAsync(here, TestAccounts.OwnerPassword, NewPassword, NewPassword);
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal("/settings/password?changed=true", changed.Headers.Location!.PathAndQuery);
        Assert.Contains("Your password is changed.", await here.GetStringAsync(changed.Headers.Location), StringComparison.Ordinal);

        // A session is checked once its cookie is older than the interval (each check renews it).
        await Task.Delay(TimeSpan.FromSeconds(1.2));
        Assert.Equal(HttpStatusCode.OK, (await here.GetAsync("/api/auth/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await elsewhere.GetAsync("/api/auth/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await LoginAsync(app.CreateAnonymousClient(), TestAccounts.OwnerPassword)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await LoginAsync(app.CreateAnonymousClient(), NewPassword)).StatusCode);
    }

    [Fact]
    public async Task ThePageIsForSignedInPeople()
    {
        var app = await environment.StartAppAsync("password-anonymous");
        using var page = new HttpRequestMessage(HttpMethod.Get, "/settings/password");
        page.Headers.Accept.ParseAdd("text/html");

        var response = await app.CreateAnonymousClient().SendAsync(page);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.EndsWith("/signin?ReturnUrl=%2Fsettings%2Fpassword", response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    private static async Task<HttpClient> SignedInBrowserAsync(DogMonitorApp app, string password)
    {
        // No API key: the session cookie alone must carry the user.
        var browser = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }).WithoutKey();
        Assert.Equal(HttpStatusCode.NoContent, (await LoginAsync(browser, password)).StatusCode);
        return browser;
    }

    private static Task<HttpResponseMessage> ChangeAsync(HttpClient browser, string current, string password, string confirm) =>
        browser.PostFormAsync("/settings/password", "change-password", new Dictionary<string, string>
        {
            ["Input.Current"] = current, ["Input.Password"] = password, ["Input.Confirm"] = confirm,
        });

    private static Task<HttpResponseMessage> LoginAsync(HttpClient client, string password) =>
        client.PostAsJsonAsync("/api/auth/login", new { email = TestAccounts.OwnerEmail, password });

    private static async Task<string> TextOfAsync(HttpResponseMessage response) => WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
}
