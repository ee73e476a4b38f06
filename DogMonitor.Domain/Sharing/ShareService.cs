using DogMonitor.Domain.Clips;
using DogMonitor.Domain.Owners;
using DogMonitor.Domain.Persistence;
using DogMonitor.Domain.Problems;
using DogMonitor.Domain.Validation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DogMonitor.Domain.Sharing;

/// <summary>Creates, revokes and opens public links to clips and snapshots.</summary>
public sealed class ShareService(DogMonitorDbContext db, ICurrentUser user, IOptions<ClipOptions> options, TimeProvider clock)
{
    /// <summary>A new link for the clip, or null when the owner has no such clip.</summary>
    public Task<(string Token, DateTime ExpiresAt)?> CreateAsync(Guid clipId, int? expiresInHours, CancellationToken cancellationToken) =>
        CreateAsync(SharedKind.Clip, clipId, expiresInHours, cancellationToken);

    /// <summary>A new link for the owner's clip or snapshot, or null when the owner has no such item.</summary>
    public async Task<(string Token, DateTime ExpiresAt)?> CreateAsync(SharedKind kind, Guid id, int? expiresInHours, CancellationToken cancellationToken)
    {
        var hours = expiresInHours ?? options.Value.ShareDefaultHours;
        if (hours < 1 || hours > options.Value.ShareMaxHours)
        {
            var errors = new ValidationErrors();
            errors.Add("expires_in_hours", $"expires_in_hours must be between 1 and {options.Value.ShareMaxHours}.");
            throw new RequestValidationException(errors);
        }
        if (!await OwnsAsync(kind, id, cancellationToken)) return null;

        var now = clock.GetUtcNow().UtcDateTime;
        var token = ShareTokens.New();
        var link = new ShareLink
        {
            Id = Guid.CreateVersion7(clock.GetUtcNow()),
            ClipId = kind == SharedKind.Clip ? id : null,
            SnapshotId = kind == SharedKind.Snapshot ? id : null,
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
    public Task<bool> RevokeAsync(Guid clipId, CancellationToken cancellationToken) => RevokeAsync(SharedKind.Clip, clipId, cancellationToken);

    /// <summary>Revokes every live link of the clip or snapshot; false when the owner has no such item.</summary>
    public async Task<bool> RevokeAsync(SharedKind kind, Guid id, CancellationToken cancellationToken)
    {
        if (!await OwnsAsync(kind, id, cancellationToken)) return false;
        var now = clock.GetUtcNow().UtcDateTime;
        var links = kind == SharedKind.Clip ? db.ShareLinks.Where(l => l.ClipId == id) : db.ShareLinks.Where(l => l.SnapshotId == id);
        await links.Where(l => l.RevokedAt == null).ExecuteUpdateAsync(s => s.SetProperty(l => l.RevokedAt, now), cancellationToken);
        return true;
    }

    /// <summary>
    /// What a link opens, for anyone holding it. A revoked link reports <see cref="ShareLinkState.Revoked"/> even
    /// after its expiry, because revoking was the owner's deliberate act and says more.
    /// </summary>
    public async Task<SharedItem> OpenAsync(string token, CancellationToken cancellationToken)
    {
        // Tokens are 22 characters; anything far off cannot be one, so spare the database.
        if (token.Length is < 16 or > 64) return SharedItem.Unknown;
        var hash = ShareTokens.Hash(token);
        var link = await db.ShareLinks.AsNoTracking().FirstOrDefaultAsync(l => l.TokenHash == hash, cancellationToken);
        if (link is null) return SharedItem.Unknown;
        if (link.RevokedAt is not null) return new SharedItem(ShareLinkState.Revoked, null, null, link.ExpiresAt);
        if (link.ExpiresAt <= clock.GetUtcNow().UtcDateTime) return new SharedItem(ShareLinkState.Expired, null, null, link.ExpiresAt);
        if (link.SnapshotId is { } snapshotId)
        {
            var snapshot = await db.Snapshots.AsNoTracking().FirstOrDefaultAsync(s => s.Id == snapshotId, cancellationToken);
            return snapshot is null ? SharedItem.Unknown : new SharedItem(ShareLinkState.Open, null, snapshot, link.ExpiresAt);
        }
        var clip = await db.Clips.AsNoTracking().FirstOrDefaultAsync(c => c.Id == link.ClipId, cancellationToken);
        return clip is null ? SharedItem.Unknown : new SharedItem(ShareLinkState.Open, clip, null, link.ExpiresAt);
    }

    private Task<bool> OwnsAsync(SharedKind kind, Guid id, CancellationToken cancellationToken) => kind switch
    {
        SharedKind.Clip => db.Clips.AnyAsync(c => c.Id == id && c.OwnerId == user.OwnerId, cancellationToken),
        SharedKind.Snapshot => db.Snapshots.AnyAsync(s => s.Id == id && s.OwnerId == user.OwnerId, cancellationToken),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Only clips and snapshots can be shared."),
    };
}
