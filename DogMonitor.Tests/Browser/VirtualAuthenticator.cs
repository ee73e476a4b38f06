using System.Text.Json;
using Microsoft.Playwright;

namespace DogMonitor.Tests.Browser;

/// <summary>
/// A platform authenticator that Chromium's DevTools protocol simulates for one page: it holds discoverable passkeys,
/// verifies the user at once (as a fingerprint reader would) and answers every prompt without a person.
/// </summary>
internal sealed class VirtualAuthenticator(ICDPSession cdp, string id)
{
    public static async Task<VirtualAuthenticator> AttachAsync(IPage page)
    {
        var cdp = await page.Context.NewCDPSessionAsync(page);
        await cdp.SendAsync("WebAuthn.enable", new() { ["enableUI"] = false });
        var added = await cdp.SendAsync("WebAuthn.addVirtualAuthenticator", new()
        {
            ["options"] = new Dictionary<string, object>
            {
                ["protocol"] = "ctap2",
                ["transport"] = "internal",
                ["hasResidentKey"] = true,
                ["hasUserVerification"] = true,
                ["isUserVerified"] = true,
                ["automaticPresenceSimulation"] = true,
            },
        });
        return new VirtualAuthenticator(cdp, added!.Value.GetProperty("authenticatorId").GetString()!);
    }

    /// <summary>The passkeys it holds, as the protocol describes them (<c>credentialId</c>, <c>rpId</c>, <c>userHandle</c>, …).</summary>
    public async Task<IReadOnlyList<JsonElement>> CredentialsAsync()
    {
        var answer = await cdp.SendAsync("WebAuthn.getCredentials", new() { ["authenticatorId"] = id });
        return [.. answer!.Value.GetProperty("credentials").EnumerateArray()];
    }
}
