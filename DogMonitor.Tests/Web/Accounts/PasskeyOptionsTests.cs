using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using DogMonitor.Tests.Infrastructure;
using Microsoft.Extensions.Options;

namespace DogMonitor.Tests.Web.Accounts;

/// <summary>The options the sign-in page's script fetches before it asks the browser for a passkey.</summary>
public sealed partial class PasskeyOptionsTests : IAsyncLifetime
{
    private readonly EmbeddedEnvironment _environment = new();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    [Theory]
    [InlineData(null, "localhost")]
    [InlineData("dogs.example.org", "dogs.example.org")]
    public async Task TheRelyingPartyIsTheRequestsHostUnlessASettingNamesIt(string? setting, string expected)
    {
        using var client = (await StartAsync(setting)).CreateClient().WithoutKey();
        var response = await RequestOptionsAsync(client, await PageTokenAsync(client));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var options = await response.ReadJsonAsync();
        Assert.Equal(expected, (string?)options["rpId"]);
        // No account is named: the browser offers what it holds, and the answer says nothing about any email.
        Assert.Empty(options["allowCredentials"]!.AsArray());
        Assert.Equal("required", (string?)options["userVerification"]);
    }

    [Fact]
    public async Task OptionsAreRefusedWithoutThePagesToken()
    {
        using var client = (await StartAsync(null)).CreateClient().WithoutKey();
        await PageTokenAsync(client); // the antiforgery cookie alone is not enough
        await (await RequestOptionsAsync(client, token: null)).AssertProblemAsync(400);
        await (await RequestOptionsAsync(client, token: "forged")).AssertProblemAsync(400);
    }

    [Fact]
    public async Task RequestOptionsCountAgainstTheSignInLimit()
    {
        using var client = (await StartAsync(null, signInAttempts: 2)).CreateClient().WithoutKey();
        var token = await PageTokenAsync(client);
        Assert.Equal(HttpStatusCode.OK, (await RequestOptionsAsync(client, token)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await RequestOptionsAsync(client, token)).StatusCode);
        await (await RequestOptionsAsync(client, token)).AssertProblemAsync(429);
    }

    [Fact]
    public async Task MakingAPasskeyNeedsASessionNotAKey()
    {
        var app = await StartAsync(null);
        foreach (var client in new[] { app.CreateClient().WithoutKey(), app.CreateClient() })
        {
            // A key could otherwise add a passkey of its own making, and sign in with it as a person.
            var token = await PageTokenAsync(client);
            using var request = new HttpRequestMessage(HttpMethod.Post, "/passkeys/creation-options");
            request.Headers.Add("RequestVerificationToken", token);
            request.Headers.Add("Accept", "application/json");
            await (await client.SendAsync(request)).AssertProblemAsync(401);
            await (await client.GetAsync("/settings/passkeys")).AssertProblemAsync(401);
            client.Dispose();
        }
    }

    [Fact]
    public async Task AServerDomainThatIsNotADomainStopsTheAppWithASentence()
    {
        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => StartAsync("https://dogs.example.org:8443"));
        Assert.Contains("Auth:PasskeyServerDomain is 'https://dogs.example.org:8443', which is not a domain name", failure.Message);
    }

    private Task<DogMonitorApp> StartAsync(string? serverDomain, int signInAttempts = 100) => _environment.StartAppAsync("passkey-options", settings =>
    {
        settings["Auth:InitialAdmin:Email"] = "owner@example.org";
        settings["Auth:InitialAdmin:Password"] = "a dog called Biscuit";
        settings["Auth:SignInAttempts"] = signInAttempts.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (serverDomain is not null) settings["Auth:PasskeyServerDomain"] = serverDomain;
    });

    /// <summary>Opens the sign-in page (which sets the antiforgery cookie) and returns the token its passkey button sends.</summary>
    private static async Task<string> PageTokenAsync(HttpClient client)
    {
        var page = await client.GetStringAsync("/signin");
        return PasskeyToken().Match(page) is { Success: true } match ? match.Groups[1].Value
            : throw new InvalidOperationException("The sign-in page has no passkey button with a request token.");
    }

    private static async Task<HttpResponseMessage> RequestOptionsAsync(HttpClient client, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/passkeys/request-options");
        if (token is not null) request.Headers.Add("RequestVerificationToken", token);
        request.Headers.Add("Accept", "application/json");
        return await client.SendAsync(request);
    }

    [GeneratedRegex("<passkey-submit [^>]*request-token-value=\"([^\"]+)\"")]
    private static partial Regex PasskeyToken();

    public async ValueTask DisposeAsync() => await _environment.DisposeAsync();
}
