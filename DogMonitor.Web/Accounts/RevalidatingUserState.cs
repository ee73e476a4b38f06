using System.Security.Claims;
using DogMonitor.Domain.Accounts;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace DogMonitor.Web.Accounts;

/// <summary>
/// Checks an open page's user against the account every <see cref="AccountOptions.RevalidationInterval"/>: a user who
/// was disabled, deleted, given a new password, or whose role or cameras changed loses the page (and signs in again).
/// </summary>
public sealed class RevalidatingUserState(ILoggerFactory loggers, IServiceScopeFactory scopes, IOptions<AccountOptions> options, IOptions<IdentityOptions> identity)
    : RevalidatingServerAuthenticationStateProvider(loggers)
{
    protected override TimeSpan RevalidationInterval => options.Value.RevalidationInterval;

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var principal = authenticationState.User;
        var user = await users.GetUserAsync(principal);
        if (user is null || user.Disabled) return false;
        if (users.SupportsUserSecurityStamp
            && principal.FindFirstValue(identity.Value.ClaimsIdentity.SecurityStampClaimType) != await users.GetSecurityStampAsync(user))
            return false;
        return AccountClaims.IsAdmin(principal) == (user.Role == UserRole.Admin)
            && AccountClaims.Cameras(principal).ToHashSet().SetEquals(user.Cameras);
    }
}
