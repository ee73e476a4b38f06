using DogMonitor.Tests.Infrastructure;
using DogMonitor.Tests.Web.Downloads;

namespace DogMonitor.Tests.Web.Accounts;

/// <summary>Every answer carries the hardening headers; share pages keep their token out of Referer headers.</summary>
public sealed class SecurityHeadersTests(EmbeddedEnvironment environment) : IClassFixture<EmbeddedEnvironment>
{
    [Theory]
    [InlineData("/signin")]
    [InlineData("/api/snapshots")]
    [InlineData("/healthz")]
    [InlineData("/live")]
    public async Task EveryAnswerForbidsForeignScriptsSniffingAndFraming(string path)
    {
        var response = await environment.App.CreateAnonymousClient().GetAsync(path);

        var policy = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'self'", policy, StringComparison.Ordinal);
        Assert.Contains("script-src 'self';", policy, StringComparison.Ordinal); // no inline scripts, no other origin
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Fact]
    public async Task ASharePageSendsNoReferrer()
    {
        var clip = await StoredClips.AddAsync(environment.App);
        var link = await (await environment.App.CreateClient().PostAsync($"/api/clips/{clip.Id}/share", null)).ReadJsonAsync();

        var page = await environment.App.CreateAnonymousClient().GetAsync(new Uri((string)link["url"]!).AbsolutePath);

        Assert.Equal(System.Net.HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("no-referrer", page.Headers.GetValues("Referrer-Policy").Single());
    }

    [Fact]
    public async Task SignInAndSetupFormsCarryAnAntiforgeryToken()
    {
        var html = await environment.App.CreateAnonymousClient().GetStringAsync("/signin");

        Assert.Contains("name=\"__RequestVerificationToken\"", html, StringComparison.Ordinal);
        Assert.Contains("<form method=\"post\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SigningOutFromAnotherSiteIsRefused()
    {
        // Signed in, but the form carries no token of this app's: as a form posted from another site would.
        var signedIn = environment.App.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false }).WithoutKey();
        await signedIn.PostJsonAsync("/api/auth/login", new { email = TestAccounts.OwnerEmail, password = TestAccounts.OwnerPassword });
        var response = await signedIn.PostAsync("/signout", new FormUrlEncodedContent([]));

        await response.AssertProblemAsync(400);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await signedIn.GetAsync("/api/auth/me")).StatusCode); // still signed in
    }
}
