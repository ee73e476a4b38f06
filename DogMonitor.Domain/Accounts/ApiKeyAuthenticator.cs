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
        var key = await db.ApiKeys.AsNoTracking().FirstOrDefaultAsync(k => k.SecretHash == hash, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        if (key is null || key.ExpiresAt <= now) return null;
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == key.OwnerId, cancellationToken);
        if (user is null || user.Disabled) return null;
        if (key.LastUsedAt is null || now - key.LastUsedAt >= ApiKeyService.LastUsedResolution)
        {
            // Once a minute at most, so a busy script does not turn every read into a write.
            await db.ApiKeys.Where(k => k.Id == key.Id).ExecuteUpdateAsync(s => s.SetProperty(k => k.LastUsedAt, now), cancellationToken);
        }
        return (key, user);
    }
}
