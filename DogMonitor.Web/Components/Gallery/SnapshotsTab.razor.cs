using DogMonitor.Web.Snapshots;
using Microsoft.AspNetCore.Components;

namespace DogMonitor.Web.Components.Gallery;

/// <summary>The gallery's snapshots: a snapshot stored anywhere (the live page, the API, another device) is counted and shown at once.</summary>
public sealed partial class SnapshotsTab
{
    [Inject] private SnapshotFeed Feed { get; set; } = null!;

    public override string Kind => "snapshots";

    protected override GallerySource<SnapshotCardModel> CreateSource() => Items.SnapshotSource();

    protected override IDisposable Subscribe() => Feed.Subscribe(created =>
        IsMine(created.OwnerId) ? Dispatch(created.SnapshotId, ShowNewItemAsync) : Task.CompletedTask);
}
