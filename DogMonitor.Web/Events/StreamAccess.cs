using DogMonitor.Domain.Accounts;
using DogMonitor.Web.Accounts;
using Microsoft.Extensions.Options;

namespace DogMonitor.Web.Events;

/// <summary>
/// An event stream outlives the request check that let it open. Every <see cref="AccountOptions.RevalidationInterval"/>
/// it is checked again as a page is: a revoked or expired key, a disabled or deleted account, or a session whose password
/// changed ends it (a reconnection then gets 401); so does a change of the account's role or cameras (the reconnection
/// then hears the moments of the cameras granted now). A stream opened with the session cookie also ends when that session
/// expires: a cookie renewed meanwhile lets the client's reconnection in, an expired one gets 401.
/// </summary>
public sealed partial class StreamAccess(IServiceScopeFactory scopes, IOptions<AccountOptions> options, TimeProvider clock, ILogger<StreamAccess> logger)
{
    /// <summary>A token that ends when the client goes or may no longer listen.</summary>
    public CancellationToken Watch(HttpContext context)
    {
        var ended = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        // RequestAborted does not fire when a stream ends normally (a clip's stream at ready, a WebSocket closed by its
        // client): cancelled at the end of the response, so the checks below stop with it.
        context.Response.RegisterForDispose(new CancelThenDispose(ended));
        var key = ApiKeyAuthenticationHandler.IsKey(context.User) ? ApiKeyAuthenticationHandler.KeyOf(context.Request) : null;
        var expires = key is null ? SessionExpires(context) : null;
        if (expires is { } end) EndAt(context, ended, end);
        _ = WatchAsync(context.User, key, expires, ended, ended.Token);
        return ended.Token;
    }

    private static DateTimeOffset? SessionExpires(HttpContext context) =>
        context.Features.Get<Microsoft.AspNetCore.Authentication.IAuthenticateResultFeature>()?.AuthenticateResult?.Properties?.ExpiresUtc;

    private void EndAt(HttpContext context, CancellationTokenSource ended, DateTimeOffset expires)
    {
        var left = expires - clock.GetUtcNow();
        if (left <= TimeSpan.Zero)
        {
            ended.Cancel();
            return;
        }
        if (left >= MaxTimer) return; // further off than a timer can wait: the checks below see it
        var timer = clock.CreateTimer(_ => CancelQuietly(ended), null, left, Timeout.InfiniteTimeSpan);
        context.Response.RegisterForDispose(timer);
    }

    private static void CancelQuietly(CancellationTokenSource source)
    {
        try { source.Cancel(); }
        catch (ObjectDisposedException) { } // the stream ended first
    }

    private static readonly TimeSpan MaxTimer = TimeSpan.FromMilliseconds(uint.MaxValue - 1);

    private async Task WatchAsync(System.Security.Claims.ClaimsPrincipal principal, string? key, DateTimeOffset? expires, CancellationTokenSource ended, CancellationToken token)
    {
        try
        {
            using var timer = new PeriodicTimer(options.Value.RevalidationInterval, clock);
            while (await timer.WaitForNextTickAsync(token))
            {
                if (!(clock.GetUtcNow() >= expires) && await StillAllowedAsync(principal, key, token)) continue;
                LogEnded(logger, AccountClaims.UserId(principal) ?? "?");
                await ended.CancelAsync();
                return;
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException)
        {
            // The stream ended first.
        }
    }

    private async Task<bool> StillAllowedAsync(System.Security.Claims.ClaimsPrincipal principal, string? key, CancellationToken token)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            if (key is null) return await SessionValidity.HoldsAsync(scope.ServiceProvider, principal);
            // A key's account as it is now: the stream carries the moments of the cameras granted when it opened, so a
            // change of role or cameras ends it too, and the client's reconnection listens with the grants of now.
            return await scope.ServiceProvider.GetRequiredService<ApiKeyAuthenticator>().AuthenticateAsync(key, token) is { } now
                && (now.User.Role == UserRole.Admin) == AccountClaims.IsAdmin(principal)
                && AccountClaims.Cameras(principal).ToHashSet().SetEquals(now.User.Cameras);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The database away for a moment is no reason to cut everyone off: the next check decides.
            LogCheckFailed(logger, ex.Message);
            return true;
        }
    }

    private sealed class CancelThenDispose(CancellationTokenSource source) : IDisposable
    {
        public void Dispose()
        {
            source.Cancel();
            source.Dispose();
        }
    }

    [LoggerMessage(LogLevel.Information, "An event stream of {OwnerId} ended: its key or session is no longer valid")]
    private static partial void LogEnded(ILogger logger, string ownerId);

    [LoggerMessage(LogLevel.Warning, "Could not check an event stream's key or session again; it stays open until the next check: {Reason}")]
    private static partial void LogCheckFailed(ILogger logger, string reason);
}
