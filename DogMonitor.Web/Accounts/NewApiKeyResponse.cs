using DogMonitor.Domain.Accounts;

namespace DogMonitor.Web.Accounts;

/// <summary>A key just made, with its secret <see cref="Key"/>: shown this once, stored only as a hash.</summary>
public sealed record NewApiKeyResponse(Guid Id, string Name, string Scope, string Key, DateTime CreatedAt, DateTime? ExpiresAt)
{
    public static NewApiKeyResponse From(ApiKey key, string secret) =>
        new(key.Id, key.Name, key.Scope.ToString().ToLowerInvariant(), secret, key.CreatedAt, key.ExpiresAt);
}
