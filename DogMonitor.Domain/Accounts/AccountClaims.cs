using System.Security.Claims;

namespace DogMonitor.Domain.Accounts;

/// <summary>
/// The claims a signed-in principal carries, whether it came from a session cookie or an API key, and how to read
/// them back: one place that knows the claim names.
/// </summary>
public static class AccountClaims
{
    public const string Camera = "dogmonitor:camera";
    public const string Scope = "dogmonitor:scope";
    public const string KeyId = "dogmonitor:key";

    public static string RoleName(UserRole role) => role == UserRole.Admin ? "admin" : "member";

    /// <summary>The role and camera claims of a user (the id and name come from Identity).</summary>
    public static IEnumerable<Claim> Of(AppUser user)
    {
        yield return new Claim(ClaimTypes.Role, RoleName(user.Role));
        foreach (var camera in user.Cameras) yield return new Claim(Camera, camera);
    }

    public static string? UserId(ClaimsPrincipal principal) =>
        principal.Identity?.IsAuthenticated == true ? principal.FindFirstValue(ClaimTypes.NameIdentifier) : null;

    public static bool IsAdmin(ClaimsPrincipal principal) => principal.IsInRole(RoleName(UserRole.Admin));

    public static IReadOnlyCollection<string> Cameras(ClaimsPrincipal principal) =>
        [.. principal.FindAll(Camera).Select(c => c.Value)];

    /// <summary>Whether the principal may only read: an API key made with the read scope.</summary>
    public static bool IsReadOnly(ClaimsPrincipal principal) =>
        principal.FindFirstValue(Scope) == nameof(ApiKeyScope.Read);
}
