using DogMonitor.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DogMonitor.Domain.Moments;

/// <summary>
/// Moments' clips belong to their cameras, not to a person: they carry an owner id no account or configured owner can
/// have (those are GUIDs, or letters, digits and '.', '_', '-'), so they never appear among anyone's own clips, and
/// "Keep" copies one there. Who may see one follows from its moment's camera.
/// </summary>
public static class MomentClips
{
    public const string Owner = "camera:moments";

    /// <summary>The moment a clip was cut for; null for a clip of a person's, or when the moment is gone.</summary>
    public static async Task<Guid?> MomentOfAsync(DogMonitorDbContext db, Guid clipId, string ownerId, CancellationToken cancellationToken) =>
        ownerId != Owner ? null : await db.Moments.AsNoTracking().Where(m => m.ClipId == clipId).Select(m => (Guid?)m.Id).FirstOrDefaultAsync(cancellationToken);
}
