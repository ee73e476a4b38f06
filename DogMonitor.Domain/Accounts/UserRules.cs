using DogMonitor.Domain.Cameras;
using DogMonitor.Domain.Validation;
using Microsoft.AspNetCore.Identity;

namespace DogMonitor.Domain.Accounts;

/// <summary>The rules for an account's role and cameras, and Identity's refusals turned into field errors.</summary>
public static class UserRules
{
    public static UserRole? ParseRole(string? role, ValidationErrors errors)
    {
        switch (role?.Trim().ToLowerInvariant())
        {
            case "admin": return UserRole.Admin;
            case "member": return UserRole.Member;
            default:
                errors.Add("role", "role is admin or member.");
                return null;
        }
    }

    public static List<string> CheckCameras(IReadOnlyList<string?>? cameras, CameraCatalog catalog, ValidationErrors errors)
    {
        var result = new List<string>();
        foreach (var camera in cameras ?? [])
        {
            if (catalog.Find(camera) is null) errors.Add("cameras", catalog.UnknownCamera(camera));
            else if (!result.Contains(camera!)) result.Add(camera!);
        }
        return result;
    }

    /// <summary>Adds Identity's refusals (email taken, password too short or too common) to the fields they concern.</summary>
    public static void AddErrors(IdentityResult result, ValidationErrors errors)
    {
        foreach (var error in result.Errors)
            errors.Add(error.Code.Contains("Password", StringComparison.Ordinal) ? "password" : "email", error.Description);
    }
}
