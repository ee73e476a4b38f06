using System.Net;
using DogMonitor.Domain.Accounts;
using Microsoft.Extensions.Options;

namespace DogMonitor.Web.Accounts;

/// <summary>Stops the app at start with a sentence when a trusted proxy network is not a CIDR network.</summary>
public sealed class TrustedProxiesValidator : IValidateOptions<AccountOptions>
{
    public ValidateOptionsResult Validate(string? name, AccountOptions options)
    {
        var bad = options.TrustedProxies.Where(n => !IPNetwork.TryParse(n.Trim(), out _)).ToList();
        return bad.Count == 0 ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"Auth:TrustedProxies holds {string.Join(", ", bad.Select(b => $"'{b}'"))}, which is not a network such as 10.0.0.0/8 or 192.168.1.10/32.");
    }
}
