using DogMonitor.Domain.Accounts;
using Microsoft.Extensions.Options;

namespace DogMonitor.Web.Accounts;

/// <summary>Stops the app at start with a sentence when <c>Auth:PasskeyServerDomain</c> is not a bare domain name.</summary>
public sealed class PasskeyServerDomainValidator : IValidateOptions<AccountOptions>
{
    public ValidateOptionsResult Validate(string? name, AccountOptions options)
    {
        var domain = options.PasskeyServerDomain?.Trim();
        // A relying party id is a domain: no scheme, no port, no path, and not an IP address.
        return string.IsNullOrEmpty(domain) || Uri.CheckHostName(domain) == UriHostNameType.Dns
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"Auth:PasskeyServerDomain is '{domain}', which is not a domain name such as dogs.example.org (no https://, no port, no IP address).");
    }
}
