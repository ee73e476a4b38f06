using System.Security.Claims;
using DogMonitor.Domain.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace DogMonitor.Web.Accounts;

/// <summary>A session's claims: Identity's (id, name, security stamp) plus the role and the granted cameras.</summary>
public sealed class AccountClaimsFactory(UserManager<AppUser> users, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AppUser>(users, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaims(AccountClaims.Of(user));
        return identity;
    }
}
