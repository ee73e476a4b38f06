using System.Net;
using System.Text.RegularExpressions;
using DogMonitor.Domain.Persistence;
using DogMonitor.Domain.Snapshots;
using DogMonitor.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DogMonitor.Tests.Web.Accounts;

/// <summary>
/// The first start: no account, no default password. The app prints a one-time setup link; only its code makes the
/// first admin, who inherits what was kept before sign-in existed.
/// </summary>
public sealed partial class SetupTests(EmbeddedEnvironment environment) : IClassFixture<EmbeddedEnvironment>
{
    [GeneratedRegex(@"http://\S+/setup\?code=([0-9a-f]{32})")]
    private static partial Regex SetupLink();

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    [Fact]
    public async Task TheSetupLinkMakesTheFirstAdminWhoInheritsTheOldItemsAndWorksOnce()
    {
        var app = await environment.StartAppAsync("setup", settings => settings["Auth:InitialAdmin:Email"] = null);
        await app.WaitForLogAsync("/setup?code=", TimeSpan.FromSeconds(10));
        var log = app.Logs.Single(line => line.Contains("/setup?code=", StringComparison.Ordinal));
        Assert.Contains("DogMonitor has no account yet", log, StringComparison.Ordinal);
        var code = SetupLink().Match(log).Groups[1].Value;
        var old = await AddSnapshotOfTheOldLocalOwnerAsync(app);
        var browser = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

        Assert.Equal(HttpStatusCode.Forbidden, (await browser.GetAsync("/setup")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await browser.GetAsync("/setup?code=" + new string('0', 32))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostSetupAsync(browser, code, wrongCode: true)).StatusCode);

        var created = await PostSetupAsync(browser, code);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Equal("/live", created.Headers.Location!.AbsolutePath);
        var me = await (await browser.GetAsync("/api/auth/me")).ReadJsonAsync(); // signed in by the setup
        Assert.Equal("first@example.com", (string?)me["email"]);
        Assert.Equal("admin", (string?)me["role"]);
        var page = await (await browser.GetAsync("/api/snapshots")).ReadJsonAsync();
        Assert.Equal(old.ToString(), (string?)page["items"]![0]!["id"]); // the old owner's snapshot is the admin's now

        // Once: with an account in place the link leads to the sign-in page.
        var again = await app.CreateAnonymousClient().GetAsync("/setup?code=" + code);
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal("/signin", again.Headers.Location!.AbsolutePath);
    }

    [Fact]
    public async Task ASetupPasswordThatIsTooShortOrCommonIsRefusedWithASentence()
    {
        var app = await environment.StartAppAsync("setup-weak", settings => settings["Auth:InitialAdmin:Email"] = null);
        await app.WaitForLogAsync("/setup?code=", TimeSpan.FromSeconds(10));
        var code = SetupLink().Match(app.Logs.Single(line => line.Contains("/setup?code=", StringComparison.Ordinal))).Groups[1].Value;
        var browser = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

        var shortOne = await PostSetupAsync(browser, code, password: "dog");
        Assert.Contains("at least 12 characters", WebUtility.HtmlDecode(await shortOne.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        var common = await PostSetupAsync(browser, code, password: "password1234");
        Assert.Contains("one of the most common", WebUtility.HtmlDecode(await common.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        await using var scope = app.Services.CreateAsyncScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<DogMonitorDbContext>().Users.AnyAsync());
    }

    [Fact]
    public async Task AnUnattendedInstallMakesTheAdminFromSettingsAndPrintsNoLink()
    {
        var app = await environment.StartAppAsync("unattended");

        Assert.DoesNotContain(app.Logs, line => line.Contains("/setup?code=", StringComparison.Ordinal));
        Assert.Contains(app.Logs, line => line.Contains($"First admin {TestAccounts.OwnerEmail} created", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.Redirect, (await app.CreateAnonymousClient().GetAsync("/setup")).StatusCode);
    }

    private static async Task<HttpResponseMessage> PostSetupAsync(HttpClient browser, string code, bool wrongCode = false, string password = "a fine long password")
    {
        var form = await browser.GetStringAsync("/setup?code=" + code);
        var token = WebUtility.HtmlDecode(AntiforgeryToken().Match(form).Groups[1].Value);
        var sent = wrongCode ? new string('1', 32) : code;
        return await browser.PostAsync("/setup?code=" + sent, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "setup", ["__RequestVerificationToken"] = token, ["Input.Code"] = sent,
            ["Input.Email"] = "first@example.com", ["Input.Password"] = password, ["Input.Confirm"] = password,
        }));
    }

    private static async Task<Guid> AddSnapshotOfTheOldLocalOwnerAsync(DogMonitorApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DogMonitorDbContext>();
        var id = Guid.CreateVersion7();
        db.Snapshots.Add(new Snapshot
        {
            Id = id, OwnerId = "local", Timestamp = DateTime.UtcNow, Labels = [], ContentType = "image/jpeg", Width = 1, Height = 1, SizeBytes = 1,
            ImageKey = $"snapshots/{id:N}/image.jpg", ThumbnailKey = $"snapshots/{id:N}/thumbnail.jpg", CreatedAt = DateTime.UtcNow,
        });
        await db.SaveChangesAsync();
        return id;
    }
}
