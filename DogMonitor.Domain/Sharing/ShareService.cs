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

    /// <summary>
    /// What a link opens, for anyone holding it. A revoked link reports <see cref="ShareLinkState.Revoked"/> even
    /// after its expiry, because revoking was the owner's deliberate act and says more.
    /// </summary>
    public async Task<SharedClip> OpenAsync(string token, CancellationToken cancellationToken)
    {
        // Tokens are 22 characters; anything far off cannot be one, so spare the database.
        if (token.Length is < 16 or > 64) return SharedClip.Unknown;
        var hash = ShareTokens.Hash(token);
        var link = await db.ShareLinks.AsNoTracking().FirstOrDefaultAsync(l => l.TokenHash == hash, cancellationToken);
        if (link is null) return SharedClip.Unknown;
        if (link.RevokedAt is not null) return new SharedClip(ShareLinkState.Revoked, null, link.ExpiresAt);
        if (link.ExpiresAt <= clock.GetUtcNow().UtcDateTime) return new SharedClip(ShareLinkState.Expired, null, link.ExpiresAt);
        var clip = await db.Clips.AsNoTracking().FirstOrDefaultAsync(c => c.Id == link.ClipId, cancellationToken);
        return clip is null ? SharedClip.Unknown : new SharedClip(ShareLinkState.Open, clip, link.ExpiresAt);
    }
}
