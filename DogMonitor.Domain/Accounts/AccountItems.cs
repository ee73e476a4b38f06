using DogMonitor.Domain.Clips;
using DogMonitor.Domain.Persistence;
using DogMonitor.Domain.Problems;
using DogMonitor.Domain.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace DogMonitor.Domain.Accounts;

/// <summary>Everything an account owns, moved or removed as one: snapshots, clips, share links and keys.</summary>
public sealed partial class AccountItems(DogMonitorDbContext db, IMediaStore store, ILogger<AccountItems> logger)
{
    /// <summary>Gives every item of <paramref name="fromOwner"/> to <paramref name="toOwner"/>; returns how many moved.</summary>
    public async Task<int> MoveAsync(string fromOwner, string toOwner, CancellationToken cancellationToken)
    {
        var moved = await db.Snapshots.Where(s => s.OwnerId == fromOwner).ExecuteUpdateAsync(s => s.SetProperty(i => i.OwnerId, toOwner), cancellationToken);
        moved += await db.Clips.Where(c => c.OwnerId == fromOwner).ExecuteUpdateAsync(s => s.SetProperty(i => i.OwnerId, toOwner), cancellationToken);
        await db.ShareLinks.Where(l => l.OwnerId == fromOwner).ExecuteUpdateAsync(s => s.SetProperty(l => l.OwnerId, toOwner), cancellationToken);
        await db.MomentReviews.Where(r => r.UserId == fromOwner).ExecuteUpdateAsync(s => s.SetProperty(r => r.UserId, toOwner), cancellationToken);
        return moved;
    }

    /// <summary>
    /// Removes every row the owner has (in the caller's transaction) and returns the media keys they named; a running
    /// cut finds its row gone and stops.
    /// </summary>
    public async Task<IReadOnlyList<string>> DeleteRowsAsync(string owner, CancellationToken cancellationToken)
    {
        var snapshotKeys = await db.Snapshots.Where(s => s.OwnerId == owner).Select(s => new[] { s.ImageKey, s.ThumbnailKey }).ToListAsync(cancellationToken);
        var clipIds = await db.Clips.Where(c => c.OwnerId == owner).Select(c => c.Id).ToListAsync(cancellationToken);
        await db.ShareLinks.Where(l => l.OwnerId == owner).ExecuteDeleteAsync(cancellationToken);
        await db.Snapshots.Where(s => s.OwnerId == owner).ExecuteDeleteAsync(cancellationToken);
        await db.Clips.Where(c => c.OwnerId == owner).ExecuteDeleteAsync(cancellationToken);
        await db.ApiKeys.Where(k => k.OwnerId == owner).ExecuteDeleteAsync(cancellationToken);
        await db.MomentReviews.Where(r => r.UserId == owner).ExecuteDeleteAsync(cancellationToken);
        return [.. snapshotKeys.SelectMany(k => k), .. clipIds.SelectMany(ClipKeys.All)];
    }

    /// <summary>Removes the media of a deleted account; what the store cannot remove now is logged and left behind.</summary>
    public async Task DeleteObjectsAsync(string owner, IReadOnlyList<string> keys)
    {
        foreach (var key in keys)
        {
            try { await store.DeleteAsync(key, CancellationToken.None); }
            catch (DependencyUnavailableException ex) { LogOrphan(logger, key, ex.Message); }
        }
        LogDeleted(logger, owner, keys.Count);
    }

    [LoggerMessage(LogLevel.Information, "Account {OwnerId} deleted with {Objects} media objects")]
    private static partial void LogDeleted(ILogger logger, string ownerId, int objects);

    [LoggerMessage(LogLevel.Warning, "Could not remove {Key} of a deleted account; it is left in the store: {Reason}")]
    private static partial void LogOrphan(ILogger logger, string key, string reason);
}
