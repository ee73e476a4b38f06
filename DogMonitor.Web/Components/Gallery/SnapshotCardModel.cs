using DogMonitor.Domain.Snapshots;
using DogMonitor.Web.Components.Shared;

namespace DogMonitor.Web.Components.Gallery;

/// <summary>A snapshot as a gallery card shows it, with short-lived URLs made when its page was read.</summary>
public sealed record SnapshotCardModel(Snapshot Snapshot, string CameraName, string ThumbnailUrl, string ImageUrl)
{
    public Guid Id => Snapshot.Id;

    public string Describe(BrowserTime time) => $"Snapshot from {CameraName} at {time.Format(Snapshot.Timestamp)}";
}
