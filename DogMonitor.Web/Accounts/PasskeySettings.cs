using DogMonitor.Domain.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace DogMonitor.Web.Accounts;

public static class PasskeySettings
{
    /// <summary>
    /// Identity's passkeys with its own defaults (user verification required, the origin checked against the page that
    /// posts the answer), discoverable passkeys only, and the relying party's domain from <c>Auth:PasskeyServerDomain</c>
    /// when set, else the request's host.
    /// </summary>
    public static IServiceCollection AddPasskeys(this IServiceCollection services)
    {
        services.AddOptions<IdentityPasskeyOptions>().Configure<IOptions<AccountOptions>>((passkeys, accounts) =>
        {
            // Sign-in names no account (PasskeyOptionsEndpoints), so only a passkey the authenticator can find by
            // itself would ever work; Identity's "preferred" lets an old security key make one that cannot.
            passkeys.ResidentKeyRequirement = "required";
            if (!string.IsNullOrWhiteSpace(accounts.Value.PasskeyServerDomain))
                passkeys.ServerDomain = accounts.Value.PasskeyServerDomain.Trim();
        });
        services.AddSingleton<IValidateOptions<AccountOptions>, PasskeyServerDomainValidator>();
        services.AddScoped<PasskeyService>();
        return services;
    }
}
