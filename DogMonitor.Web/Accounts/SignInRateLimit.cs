using System.Threading.RateLimiting;
using DogMonitor.Domain.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace DogMonitor.Web.Accounts;

/// <summary>
/// Every sign-in route (the page, the API, setup, passkeys) allows <see cref="AccountOptions.SignInAttempts"/> attempts
/// per client address and window, then answers 429. The address is the socket's, or the forwarded one when the request
/// came through a trusted proxy (<see cref="ForwardedClients"/> decides that before this runs).
/// </summary>
public static class SignInRateLimit
{
    public const string PolicyName = "sign-in";

    public static IServiceCollection AddSignInRateLimit(this IServiceCollection services)
    {
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<AccountOptions>>((limiter, accounts) =>
        {
            var settings = accounts.Value;
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(PolicyName, context => HttpMethods.IsGet(context.Request.Method)
                ? RateLimitPartition.GetNoLimiter("pages")
                : RateLimitPartition.GetFixedWindowLimiter(ClientOf(context), _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = settings.SignInAttempts,
                    Window = settings.SignInWindow,
                    QueueLimit = 0,
                }));
            limiter.OnRejected = (context, cancellationToken) => RejectAsync(context.HttpContext, settings.SignInWindow, cancellationToken);
        });
        return services;
    }

    /// <summary>The client's address; for IPv6 its /64, which one subscriber usually holds whole.</summary>
    internal static string ClientOf(HttpContext context)
    {
        var address = context.Connection.RemoteIpAddress;
        if (address is null) return "unknown";
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (address.AddressFamily != System.Net.Sockets.AddressFamily.InterNetworkV6) return address.ToString();
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new System.Net.IPAddress(bytes) + "/64";
    }

    private static async ValueTask RejectAsync(HttpContext context, TimeSpan window, CancellationToken cancellationToken)
    {
        context.Response.Headers.RetryAfter = ((int)Math.Ceiling(window.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = "Too many sign-in attempts.",
                Detail = $"Too many sign-in attempts from this address; wait {window.TotalSeconds:0} seconds and try again.",
            },
        });
    }
}
