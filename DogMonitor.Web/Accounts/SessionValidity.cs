using System.Security.Claims;
using DogMonitor.Domain.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace DogMonitor.Web.Accounts;

/// <summary>
/// Whether a session's principal still stands for its account as the account is now: it exists and is enabled, its
/// password (security stamp) is unchanged, and its role and cameras are those the principal carries. Open pages and
/// open event streams ask it every <see cref="AccountOptions.RevalidationInterval"/>.
/// </summary>
public static class SessionValidity
{
    /// <param name="services">A scope's services (the user manager reads the database).</param>
    public static async Task<bool> HoldsAsync(IServiceProvider services, ClaimsPrincipal principal)
    {
        var users = services.GetRequiredService<UserManager<AppUser>>();
        var identity = services.GetRequiredService<IOptions<IdentityOptions>>().Value;
        var user = await users.GetUserAsync(principal);
        if (user is null || user.Disabled) return false;
        if (users.SupportsUserSecurityStamp
            && principal.FindFirstValue(identity.ClaimsIdentity.SecurityStampClaimType) != await users.GetSecurityStampAsync(user))
            return false;
        return AccountClaims.IsAdmin(principal) == (user.Role == UserRole.Admin)
            && AccountClaims.Cameras(principal).ToHashSet().SetEquals(user.Cameras);
    }
}
