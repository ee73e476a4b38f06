using DogMonitor.Domain.Owners;
using DogMonitor.Domain.Persistence;
using DogMonitor.Domain.Problems;
using DogMonitor.Domain.Validation;
using Microsoft.EntityFrameworkCore;

namespace DogMonitor.Domain.Accounts;

/// <summary>Makes, lists and revokes the current user's API keys, and finds whose key a request carries.</summary>
public sealed class ApiKeyService(DogMonitorDbContext db, ICurrentUser user, TimeProvider clock)
{
    /// <summary>How stale <see cref="ApiKey.LastUsedAt"/> may get before a request writes it again.</summary>
    public static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);

    /// <summary>A new key and its secret, which is never available again.</summary>
    public async Task<(ApiKey Key, string Secret)> CreateAsync(string? name, string? scope, int? expiresInDays, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var checkedName = ApiKeyRules.CheckName(name, errors);
        var checkedScope = ApiKeyRules.ParseScope(scope, errors);
        var days = ApiKeyRules.CheckLifetime(expiresInDays, errors);
        if (errors.IsEmpty && await db.ApiKeys.CountAsync(k => k.OwnerId == user.OwnerId, cancellationToken) >= ApiKeyRules.MaxKeysPerUser)
            errors.Add("name", $"An account may hold at most {ApiKeyRules.MaxKeysPerUser} keys; delete one you no longer use.");
        if (!errors.IsEmpty) throw new RequestValidationException(errors);

        var now = clock.GetUtcNow().UtcDateTime;
        var secret = ApiKeySecrets.New();
        var key = new ApiKey
        {
            Id = Guid.CreateVersion7(clock.GetUtcNow()),
            OwnerId = user.OwnerId,
            Name = checkedName!,
            Scope = checkedScope!.Value,
            SecretHash = ApiKeySecrets.Hash(secret),
            Prefix = secret[..ApiKeySecrets.PrefixLength],
            CreatedAt = now,
            ExpiresAt = days is { } d ? now.AddDays(d) : null,
        };
        db.ApiKeys.Add(key);
        await db.SaveChangesAsync(cancellationToken);
        return (key, secret);
    }

    public Task<List<ApiKey>> ListAsync(CancellationToken cancellationToken) =>
        db.ApiKeys.AsNoTracking().Where(k => k.OwnerId == user.OwnerId).OrderByDescending(k => k.CreatedAt).ToListAsync(cancellationToken);

    /// <summary>Revokes a key at once; false when the user has no such key.</summary>
    public async Task<bool> DeleteAsync(Guid id, CancellationToken cancellationToken) =>
        await db.ApiKeys.Where(k => k.Id == id && k.OwnerId == user.OwnerId).ExecuteDeleteAsync(cancellationToken) > 0;
}
