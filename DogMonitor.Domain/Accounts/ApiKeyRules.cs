using DogMonitor.Domain.Validation;

namespace DogMonitor.Domain.Accounts;

/// <summary>The rules for a new API key's name, scope and lifetime.</summary>
public static class ApiKeyRules
{
    public const int MaxNameLength = 100;
    public const int MaxLifetimeDays = 3650;
    public const int MaxKeysPerUser = 100;

    public static string? CheckName(string? name, ValidationErrors errors)
    {
        var trimmed = name?.Trim();
        if (string.IsNullOrEmpty(trimmed)) errors.Add("name", "name is required: say what the key is for, e.g. \"backup script\".");
        else if (trimmed.Length > MaxNameLength) errors.Add("name", $"name is at most {MaxNameLength} characters.");
        else return trimmed;
        return null;
    }

    public static ApiKeyScope? ParseScope(string? scope, ValidationErrors errors)
    {
        switch (scope?.Trim().ToLowerInvariant())
        {
            case "read": return ApiKeyScope.Read;
            case "write": return ApiKeyScope.Write;
            default:
                errors.Add("scope", "scope is read (GET only) or write.");
                return null;
        }
    }

    public static int? CheckLifetime(int? days, ValidationErrors errors)
    {
        if (days is null or (>= 1 and <= MaxLifetimeDays)) return days;
        errors.Add("expires_in_days", $"expires_in_days is between 1 and {MaxLifetimeDays}, or left out for a key that does not expire.");
        return null;
    }
}
