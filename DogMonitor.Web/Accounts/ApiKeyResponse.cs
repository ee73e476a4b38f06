using DogMonitor.Domain.Accounts;

namespace DogMonitor.Web.Accounts;

/// <summary>A key as listed: never its secret, only the first characters to tell keys apart.</summary>
public sealed record ApiKeyResponse(Guid Id, string Name, string Scope, string Prefix, DateTime CreatedAt, DateTime? ExpiresAt, DateTime? LastUsedAt)
{
    public static ApiKeyResponse From(ApiKey key) =>
        new(key.Id, key.Name, key.Scope.ToString().ToLowerInvariant(), key.Prefix, key.CreatedAt, key.ExpiresAt, key.LastUsedAt);
}
