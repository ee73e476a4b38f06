using DogMonitor.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DogMonitor.Domain.Clips;

/// <summary>
/// A trim that replaces its source (<see cref="Clip.ReplacesSource"/>) is finished in one transaction: the new clip is
/// marked ready, takes the source's labels and note as they are now, the source's share links move to it (their tokens,
/// and so the URLs people were sent, stay the same), and the source's row goes. Until that commit the source is
/// untouched, so a trim that fails leaves it as it was.
/// </summary>
/// <remarks>
/// The new clip has its own id rather than the old one's: its media are cut under its own keys while the old clip still
/// plays, and the row-as-job design (claims, leases, status events) stays one row per cut. Share links are the only
/// public addresses, and they follow.
/// </remarks>
public static class ClipReplacement
{
    /// <summary>Marks the trim ready and retires its source; false (and nothing changed) when the claim was lost.</summary>
    /// <returns>Whether the trim was completed, and the source it replaced (null when the source was already gone).</returns>
    public static async Task<(bool Completed, OwnedClip? Replaced)> CompleteAsync(
        DogMonitorDbContext db, Guid clipId, Guid token, ClipOutput output, DateTime now, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (!await ClipClaims.CompleteAsync(db, clipId, token, output, now, cancellationToken)) return (false, null);
        var trim = await db.Clips.FirstAsync(c => c.Id == clipId, cancellationToken);
        var source = await db.Clips.FirstOrDefaultAsync(c => c.Id == trim.SourceClipId && c.OwnerId == trim.OwnerId, cancellationToken);
        if (source is not null)
        {
            trim.Labels = [.. source.Labels];
            trim.Note = source.Note;
            await db.SaveChangesAsync(cancellationToken);
            await db.ShareLinks.Where(l => l.ClipId == source.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(l => l.ClipId, clipId), cancellationToken);
            await db.Clips.Where(c => c.Id == source.Id).ExecuteDeleteAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return (true, source is null ? null : new OwnedClip(source.Id, source.OwnerId, source.CameraId));
    }
}
