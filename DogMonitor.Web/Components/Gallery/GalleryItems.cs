using DogMonitor.Domain.Cameras;
using DogMonitor.Domain.Clips;
using DogMonitor.Domain.Paging;
using DogMonitor.Domain.Snapshots;
using DogMonitor.Domain.Validation;
using DogMonitor.Web.Accounts;
using DogMonitor.Web.Components.Shared;
using DogMonitor.Web.Media;

namespace DogMonitor.Web.Components.Gallery;

/// <summary>
/// The gallery's snapshots and clips for one circuit, as its tabs, selection and viewer need them: listings as
/// <see cref="GallerySource{T}"/>s, items found, edited and deleted by id, and cards with fresh media URLs. Every call
/// runs in a scope of its own: the grid reads while the page may be deleting, and a DbContext takes one call at a time.
/// </summary>
public sealed class GalleryItems(UserScopes scopes, MediaLinks links, CameraCatalog cameras, BrowserTime time, TimeProvider clock)
{
    public GallerySource<SnapshotCardModel> SnapshotSource() => Source<SnapshotService, Snapshot, SnapshotCardModel>(
        (snapshots, query, token) => snapshots.ListAsync(query, token),
        (snapshots, query, skip, token) => snapshots.SeekAsync(query, skip, token),
        (snapshots, query, token) => snapshots.CountAsync(query, token),
        ToCardAsync);

    /// <param name="catchUp">Brings a card just read up to the news that came while its page was being read.</param>
    public GallerySource<ClipCardModel> ClipSource(Action<ClipCardModel> catchUp) => Source<ClipService, Clip, ClipCardModel>(
        (clips, query, token) => clips.ListAsync(query, null, token),
        (clips, query, skip, token) => clips.SeekAsync(query, skip, token),
        (clips, query, token) => clips.CountAsync(query, token),
        async (clip, token) =>
        {
            var card = await ToCardAsync(clip, token);
            catchUp(card);
            return card;
        });

    public Task<Snapshot?> FindSnapshotAsync(Guid id, CancellationToken cancellationToken) =>
        scopes.WithAsync<SnapshotService, Snapshot?>(s => s.FindAsync(id, cancellationToken));

    public Task<Clip?> FindClipAsync(Guid id, CancellationToken cancellationToken) =>
        scopes.WithAsync<ClipService, Clip?>(s => s.FindAsync(id, cancellationToken));

    /// <summary>Stores labels and a note from the viewer; a refusal comes back as an <see cref="EditRejectedException"/> with a sentence to show.</summary>
    public Task<Snapshot> EditSnapshotAsync(Guid id, IReadOnlyList<string> labels, string note, CancellationToken cancellationToken) =>
        EditAsync(() => scopes.WithAsync<SnapshotService, Snapshot?>(s => s.EditAsync(id, new ItemEdit([.. labels], note), cancellationToken)));

    /// <inheritdoc cref="EditSnapshotAsync"/>
    public Task<Clip> EditClipAsync(Guid id, IReadOnlyList<string> labels, string note, CancellationToken cancellationToken) =>
        EditAsync(() => scopes.WithAsync<ClipService, Clip?>(s => s.EditAsync(id, new ItemEdit([.. labels], note), cancellationToken)));

    public Task<bool> DeleteSnapshotAsync(Guid id, CancellationToken cancellationToken) =>
        scopes.WithAsync<SnapshotService, bool>(s => s.DeleteAsync(id, cancellationToken));

    /// <summary>Deletes a clip with its media and share links; a clip being cut has its cut stopped.</summary>
    public Task<bool> DeleteClipAsync(Guid id, CancellationToken cancellationToken) =>
        scopes.WithAsync<ClipService, bool>(s => s.DeleteAsync(id, cancellationToken));

    /// <summary>A fresh, short-lived URL: a card's may be older than its lifetime.</summary>
    public Task<string> UrlOfAsync(string key, CancellationToken cancellationToken) => links.UrlOfAsync(key, cancellationToken);

    /// <summary>Signs fresh links to a ready clip's video and preview onto its card.</summary>
    public Task AddMediaAsync(ClipCardModel card, Clip ready, CancellationToken cancellationToken) => card.AddMediaAsync(ready, links, cancellationToken);

    public async Task<SnapshotCardModel> ToCardAsync(Snapshot snapshot, CancellationToken cancellationToken) =>
        new(snapshot, CameraName(snapshot.CameraId),
            await links.UrlOfAsync(snapshot.ThumbnailKey, cancellationToken),
            await links.UrlOfAsync(snapshot.ImageKey, cancellationToken));

    public async Task<ClipCardModel> ToCardAsync(Clip clip, CancellationToken cancellationToken)
    {
        var card = new ClipCardModel(clip, CameraName(clip.CameraId));
        await card.AddMediaAsync(clip, links, cancellationToken);
        return card;
    }

    /// <summary>A tab's listing with the filter in the viewer's time zone: its pages as cards, its seeks and its count.</summary>
    private GallerySource<TCard> Source<TService, TItem, TCard>(
        Func<TService, ListQuery, CancellationToken, Task<Page<TItem>>> list,
        Func<TService, ListQuery, int, CancellationToken, Task<PageCursor?>> seek,
        Func<TService, ListQuery, CancellationToken, Task<int>> count,
        Func<TItem, CancellationToken, Task<TCard>> toCard) where TService : notnull => new(
        async (filter, cursor, limit, token) =>
        {
            var page = await scopes.WithAsync<TService, Page<TItem>>(s => list(s, filter.ToQuery(limit, cursor, time.Zone), token));
            var cards = new List<TCard>(page.Items.Count);
            foreach (var item in page.Items) cards.Add(await toCard(item, token));
            return new Page<TCard>(cards, page.Next);
        },
        (filter, cursor, skip, token) => scopes.WithAsync<TService, PageCursor?>(s => seek(s, filter.ToQuery(1, cursor, time.Zone), skip, token)),
        (filter, token) => scopes.WithAsync<TService, int>(s => count(s, filter.ToQuery(1, null, time.Zone), token)),
        clock);

    private string CameraName(string? cameraId) => cameras.Find(cameraId)?.Name ?? cameraId ?? "Uploaded";

    private static async Task<T> EditAsync<T>(Func<Task<T?>> edit) where T : class
    {
        try
        {
            return await edit() ?? throw new EditRejectedException("This item no longer exists; it may have been deleted.");
        }
        catch (Exception ex) when (ActionErrors.Describe(ex) is { } text)
        {
            throw new EditRejectedException(text);
        }
    }
}
