using DogMonitor.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DogMonitor.Domain.Accounts;

/// <summary>Finds the key and the user behind a presented secret: unknown, expired and disabled all answer null.</summary>
public sealed class ApiKeyAuthenticator(DogMonitorDbContext db, TimeProvider clock)
{
    public async Task<(ApiKey Key, AppUser User)?> AuthenticateAsync(string secret, CancellationToken cancellationToken)
    {
        if (!ApiKeySecrets.LooksLikeKey(secret)) return null;
        var hash = ApiKeySecrets.Hash(secret);
        // The key and its owner in one query: this runs on every API request.
        var found = await db.ApiKeys.AsNoTracking().Where(k => k.SecretHash == hash)
            .Join(db.Users.AsNoTracking(), k => k.OwnerId, u => u.Id, (k, u) => new { Key = k, User = u })
            .FirstOrDefaultAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        if (found is null || found.Key.ExpiresAt <= now || found.User.Disabled) return null;
        var (key, user) = (found.Key, found.User);
        if (key.LastUsedAt is null || now - key.LastUsedAt >= ApiKeyService.LastUsedResolution)
        {
            // Once a minute at most, so a busy script does not turn every read into a write.
            await db.ApiKeys.Where(k => k.Id == key.Id).ExecuteUpdateAsync(s => s.SetProperty(k => k.LastUsedAt, now), cancellationToken);
        }
        return (key, user);
    }
}
