using DogMonitor.Domain.Accounts;
using Microsoft.AspNetCore.Identity;

namespace DogMonitor.Web.Accounts;

/// <summary>Identity asks this before any sign-in (password or passkey): a disabled account is refused.</summary>
public sealed class EnabledAccounts : IUserConfirmation<AppUser>
{
    public Task<bool> IsConfirmedAsync(UserManager<AppUser> manager, AppUser user) => Task.FromResult(!user.Disabled);
}
