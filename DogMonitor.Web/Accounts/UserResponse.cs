using DogMonitor.Domain.Accounts;

namespace DogMonitor.Web.Accounts;

/// <summary>An account as an admin sees it.</summary>
public sealed record UserResponse(string Id, string Email, string Role, IReadOnlyList<string> Cameras, bool Disabled, DateTime CreatedAt, DateTimeOffset? LockedUntil)
{
    public static UserResponse From(AppUser user, DateTimeOffset now) => new(
        user.Id, user.Email ?? "", AccountClaims.RoleName(user.Role), user.Cameras, user.Disabled, user.CreatedAt,
        user.LockoutEnd > now ? user.LockoutEnd : null);
}
