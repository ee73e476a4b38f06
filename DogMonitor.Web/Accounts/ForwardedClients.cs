using DogMonitor.Domain.Accounts;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace DogMonitor.Web.Accounts;

/// <summary>
/// Believes <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> only from the proxies in <c>Auth:TrustedProxies</c>.
/// ASP.NET trusts loopback by default, and every sender once both lists are empty; so the lists hold exactly the
/// configured networks, and with none configured the headers are not read at all: nobody can pick their own address
/// for the sign-in limit.
/// </summary>
public static class ForwardedClients
{
    public static IServiceCollection AddForwardedClients(this IServiceCollection services)
    {
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<AccountOptions>>((forwarded, accounts) =>
        {
            forwarded.ForwardedHeaders = accounts.Value.TrustedProxies.Count == 0
                ? ForwardedHeaders.None
                : ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
            foreach (var network in accounts.Value.TrustedProxies)
                forwarded.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network.Trim()));
        });
        services.AddSingleton<IValidateOptions<AccountOptions>, TrustedProxiesValidator>();
        return services;
    }
}
