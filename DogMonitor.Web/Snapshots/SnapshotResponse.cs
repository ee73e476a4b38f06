using DogMonitor.Domain.Snapshots;
using DogMonitor.Web.Media;

namespace DogMonitor.Web.Snapshots;

/// <summary>A snapshot as the API returns it; the URLs are short-lived and made fresh on every read.</summary>
public sealed record SnapshotResponse(
    Guid Id,
    DateTime Timestamp,
    string? CameraId,
    IReadOnlyList<string> Labels,
    string? Note,
    string ImageUrl,
    string ThumbnailUrl,
    int Width,
    int Height,
    long SizeBytes,
    string ContentType,
    DateTime CreatedAt)
{
    public static async Task<SnapshotResponse> FromAsync(Snapshot snapshot, MediaLinks links, CancellationToken cancellationToken) => new(
        snapshot.Id,
        snapshot.Timestamp,
        snapshot.CameraId,
        snapshot.Labels,
        snapshot.Note,
        await links.UrlOfAsync(snapshot.ImageKey, cancellationToken),
        await links.UrlOfAsync(snapshot.ThumbnailKey, cancellationToken),
        snapshot.Width,
        snapshot.Height,
        snapshot.SizeBytes,
        snapshot.ContentType,
        snapshot.CreatedAt);
}
