using DogMonitor.Domain.Clips;
using DogMonitor.Domain.Owners;
using DogMonitor.Domain.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace DogMonitor.Web.Downloads;

/// <summary>
/// Resolves a batch request to the files of the zip, or to the problem that stops it, before any byte is sent:
/// once streaming starts the status line is gone, so every check a client could act on happens here.
/// </summary>
internal static class ArchiveContents
{
    public static async Task<(IReadOnlyList<ArchiveItem>? Items, ProblemHttpResult? Problem)> ResolveAsync(
        ArchiveRequest request, DogMonitorDbContext db, ICurrentUser user, CancellationToken cancellationToken)
    {
        var snapshots = await db.Snapshots.AsNoTracking()
            .Where(s => s.OwnerId == user.OwnerId && request.SnapshotIds.Contains(s.Id))
            .ToDictionaryAsync(s => s.Id, cancellationToken);
        var clips = await db.Clips.AsNoTracking()
            .Where(c => c.OwnerId == user.OwnerId && request.ClipIds.Contains(c.Id))
            .ToDictionaryAsync(c => c.Id, cancellationToken);

        var unknown = request.SnapshotIds.Where(id => !snapshots.ContainsKey(id)).Select(id => $"snapshot {id}")
            .Concat(request.ClipIds.Where(id => !clips.ContainsKey(id)).Select(id => $"clip {id}")).ToList();
        if (unknown.Count > 0)
            return (null, TypedResults.Problem($"There is no {string.Join(", no ", unknown)}.", statusCode: StatusCodes.Status404NotFound,
                title: "Some items were not found.", extensions: new Dictionary<string, object?> { ["not_found"] = unknown }));

        var notReady = request.ClipIds.Select(id => clips[id]).Where(c => c.Status != ClipStatus.Ready || c.VideoKey is null)
            .Select(c => $"clip {c.Id} is {c.Status.ToString().ToLowerInvariant()}").ToList();
        if (notReady.Count > 0)
            return (null, TypedResults.Problem($"Only ready clips can be downloaded: {string.Join("; ", notReady)}. Leave them out or wait until they are ready.",
                statusCode: StatusCodes.Status409Conflict, title: "Some clips are not ready.", extensions: new Dictionary<string, object?> { ["not_ready"] = notReady }));

        var files = request.SnapshotIds.Select(id => snapshots[id]).Select(s => (Name: DownloadNames.Snapshot(s), Key: s.ImageKey, s.Timestamp))
            .Concat(request.ClipIds.Select(id => clips[id]).Select(c => (Name: DownloadNames.Clip(c), Key: c.VideoKey!, c.Timestamp)))
            .ToList();
        var names = DownloadNames.Unique(files.Select(f => f.Name));
        return (files.Select((f, i) => new ArchiveItem(names[i], f.Key, f.Timestamp)).ToList(), null);
    }
}
