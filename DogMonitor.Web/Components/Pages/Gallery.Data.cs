using DogMonitor.Domain.Clips;
using DogMonitor.Domain.Paging;
using DogMonitor.Domain.Snapshots;
using DogMonitor.Web.Components.Gallery;

namespace DogMonitor.Web.Components.Pages;

/// <summary>The gallery's reads: pages, seeks and counts, each in a scope of its own, and the cards' media URLs.</summary>
public sealed partial class Gallery
{
    // A scope per read: the grid reads while the page may be deleting, and a DbContext takes one call at a time.
    private async Task<TResult> WithAsync<TService, TResult>(Func<TService, Task<TResult>> read) where TService : notnull
    {
        await using var scope = Scopes.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<TService>());
    }

    private async Task<Page<SnapshotCardModel>> FetchSnapshotsAsync(GalleryFilter filter, PageCursor? cursor, int limit, CancellationToken cancellationToken)
    {
        var page = await WithAsync<SnapshotService, Page<Snapshot>>(s => s.ListAsync(filter.ToQuery(limit, cursor, Time.Zone), cancellationToken));
        var cards = new List<SnapshotCardModel>(page.Items.Count);
        foreach (var snapshot in page.Items) cards.Add(await ToCardAsync(snapshot, cancellationToken));
        return new Page<SnapshotCardModel>(cards, page.Next);
    }

    private async Task<Page<ClipCardModel>> FetchClipsAsync(GalleryFilter filter, PageCursor? cursor, int limit, CancellationToken cancellationToken)
    {
        var page = await WithAsync<ClipService, Page<Clip>>(s => s.ListAsync(filter.ToQuery(limit, cursor, Time.Zone), null, cancellationToken));
        var cards = new List<ClipCardModel>(page.Items.Count);
        foreach (var clip in page.Items) cards.Add(await ToCardAsync(clip, cancellationToken));
        return new Page<ClipCardModel>(cards, page.Next);
    }

    private Task<PageCursor?> SeekSnapshotsAsync(GalleryFilter filter, PageCursor? cursor, int skip, CancellationToken cancellationToken) =>
        WithAsync<SnapshotService, PageCursor?>(s => s.SeekAsync(filter.ToQuery(1, cursor, Time.Zone), skip, cancellationToken));

    private Task<PageCursor?> SeekClipsAsync(GalleryFilter filter, PageCursor? cursor, int skip, CancellationToken cancellationToken) =>
        WithAsync<ClipService, PageCursor?>(s => s.SeekAsync(filter.ToQuery(1, cursor, Time.Zone), skip, cancellationToken));

    private Task<int> CountSnapshotsAsync(GalleryFilter filter, CancellationToken cancellationToken) =>
        WithAsync<SnapshotService, int>(s => s.CountAsync(filter.ToQuery(1, null, Time.Zone), cancellationToken));

    private Task<int> CountClipsAsync(GalleryFilter filter, CancellationToken cancellationToken) =>
        WithAsync<ClipService, int>(s => s.CountAsync(filter.ToQuery(1, null, Time.Zone), cancellationToken));

    private async Task<SnapshotCardModel> ToCardAsync(Snapshot snapshot, CancellationToken cancellationToken) =>
        new(snapshot, CameraName(snapshot.CameraId),
            await Links.UrlOfAsync(snapshot.ThumbnailKey, cancellationToken),
            await Links.UrlOfAsync(snapshot.ImageKey, cancellationToken));

    private async Task<ClipCardModel> ToCardAsync(Clip clip, CancellationToken cancellationToken)
    {
        var card = new ClipCardModel(clip, CameraName(clip.CameraId));
        await card.AddMediaAsync(clip, Links, cancellationToken);
        // An event may have come while this page was read: it is newer than the row, or ignored.
        if (_latest.TryGetValue(clip.Id, out var change)) card.Apply(change);
        return card;
    }

    private string CameraName(string? cameraId) => Cameras.Find(cameraId)?.Name ?? cameraId ?? "Uploaded";
}
