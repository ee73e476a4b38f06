using DogMonitor.Domain.Clips;
using DogMonitor.Domain.Owners;
using DogMonitor.Domain.Persistence;
using DogMonitor.Domain.Problems;
using DogMonitor.Domain.Validation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DogMonitor.Domain.Sharing;

/// <summary>Creates, revokes and opens public links to clips.</summary>
public sealed class ShareService(DogMonitorDbContext db, ICurrentUser user, IOptions<ClipOptions> options, TimeProvider clock)
{
    /// <summary>A new link for the clip, or null when the owner has no such clip.</summary>
    public async Task<(string Token, DateTime ExpiresAt)?> CreateAsync(Guid clipId, int? expiresInHours, CancellationToken cancellationToken)
    {
        var hours = expiresInHours ?? options.Value.ShareDefaultHours;
        if (hours < 1 || hours > options.Value.ShareMaxHours)
        {
            var errors = new ValidationErrors();
            errors.Add("expires_in_hours", $"expires_in_hours must be between 1 and {options.Value.ShareMaxHours}.");
            throw new RequestValidationException(errors);
        }
        if (!await db.Clips.AnyAsync(c => c.Id == clipId && c.OwnerId == user.OwnerId, cancellationToken)) return null;

        var now = clock.GetUtcNow().UtcDateTime;
        var token = ShareTokens.New();
        var link = new ShareLink
        {
            Id = Guid.CreateVersion7(clock.GetUtcNow()),
            ClipId = clipId,
            OwnerId = user.OwnerId,
            TokenHash = ShareTokens.Hash(token),
            CreatedAt = now,
            ExpiresAt = now.AddHours(hours),
        };
        db.ShareLinks.Add(link);
        await db.SaveChangesAsync(cancellationToken);
        return (token, link.ExpiresAt);
    }

    /// <summary>Revokes every live link of the clip; false when the owner has no such clip.</summary>
    public async Task<bool> RevokeAsync(Guid clipId, CancellationToken cancellationToken)
    {
        if (!await db.Clips.AnyAsync(c => c.Id == clipId && c.OwnerId == user.OwnerId, cancellationToken)) return false;
        var now = clock.GetUtcNow().UtcDateTime;
        await db.ShareLinks.Where(l => l.ClipId == clipId && l.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.RevokedAt, now), cancellationToken);
        return true;
    }

    /// <summary>The clip a link opens, for anyone holding it; null once expired, revoked, or for an unknown token.</summary>
    public async Task<Clip?> OpenAsync(string token, CancellationToken cancellationToken)
    {
        if (token.Length is < 16 or > 64) return null;
        var hash = ShareTokens.Hash(token);
        var now = clock.GetUtcNow().UtcDateTime;
        var clipId = await db.ShareLinks.AsNoTracking()
            .Where(l => l.TokenHash == hash && l.RevokedAt == null && l.ExpiresAt > now)
            .Select(l => (Guid?)l.ClipId)
            .FirstOrDefaultAsync(cancellationToken);
        return clipId is null ? null : await db.Clips.AsNoTracking().FirstOrDefaultAsync(c => c.Id == clipId, cancellationToken);
    }
}
