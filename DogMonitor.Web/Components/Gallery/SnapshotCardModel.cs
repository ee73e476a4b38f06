using DogMonitor.Domain.Snapshots;

namespace DogMonitor.Web.Components.Gallery;

/// <summary>A snapshot as a gallery card shows it, with short-lived URLs made when its page was read.</summary>
public sealed record SnapshotCardModel(Snapshot Snapshot, string CameraName, string ThumbnailUrl, string ImageUrl)
{
    public Guid Id => Snapshot.Id;

    public string Description => $"Snapshot from {CameraName} at {Snapshot.Timestamp.ToLocalTime():g}";
}
