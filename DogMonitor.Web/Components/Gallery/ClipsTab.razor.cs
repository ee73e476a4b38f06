using System.Collections.Concurrent;
using DogMonitor.Domain.Clips;
using DogMonitor.Domain.Messages;
using DogMonitor.Web.Clips;
using Microsoft.AspNetCore.Components;

namespace DogMonitor.Web.Components.Gallery;

/// <summary>
/// The gallery's clips: the workers' status events change the cards in place (queued, cutting n %, ready or failed),
/// and a clip made elsewhere (the live page, the API) is counted and shown at the top. Nothing polls.
/// </summary>
public sealed partial class ClipsTab
{
    private const int RememberedEvents = 512;

    /// <summary>The newest event per clip, for cards whose page was being read when it came.</summary>
    private readonly ConcurrentDictionary<Guid, ClipStatusChanged> _latest = new();

    [Inject] private ClipStatusFeed Feed { get; set; } = null!;
    [Inject] private ClipDeletedFeed Deletions { get; set; } = null!;

    public override string Kind => "clips";

    protected override GallerySource<ClipCardModel> CreateSource() => Items.ClipSource(CatchUp);

    protected override IDisposable Subscribe() => new Both(Feed.Subscribe(OnClipStatusAsync), Deletions.Subscribe(OnClipDeletedAsync));

    // Gone elsewhere (a trim took its place, another page deleted it): its card and count go too.
    private Task OnClipDeletedAsync(ClipDeleted deleted) =>
        IsMine(deleted.OwnerId) ? Dispatch(deleted.ClipId, async () =>
        {
            if (Source.FindLoaded(c => c.Id == deleted.ClipId) is null) return;
            Selection.Forget(deleted.ClipId);
            await ReloadAsync();
        }) : Task.CompletedTask;

    private sealed class Both(IDisposable first, IDisposable second) : IDisposable
    {
        public void Dispose()
        {
            first.Dispose();
            second.Dispose();
        }
    }

    // An event may have come while this page was read: it is newer than the row, or ignored.
    private void CatchUp(ClipCardModel card)
    {
        if (_latest.TryGetValue(card.Id, out var change)) card.Apply(change);
    }

    private Task OnClipStatusAsync(ClipStatusChanged change)
    {
        if (!IsMine(change.OwnerId)) return Task.CompletedTask;
        Remember(change);
        return Dispatch(change.ClipId, () => ApplyAsync(change));
    }

    private void Remember(ClipStatusChanged change)
    {
        _latest.AddOrUpdate(change.ClipId, change, (_, known) => known.At > change.At ? known : change);
        if (_latest.Count > RememberedEvents)
            foreach (var old in _latest.Values.OrderBy(c => c.At).Take(_latest.Count - RememberedEvents))
                _latest.TryRemove(old.ClipId, out _);
    }

    private async Task ApplyAsync(ClipStatusChanged change)
    {
        var card = Source.FindLoaded(c => c.Id == change.ClipId);
        if (card is null || change.IsNew)
        {
            // A clip made elsewhere belongs at the top of the listing and in the count, even when the grid already
            // read its row: that read can come after a count made before the row (two clips made in quick succession).
            if (change.IsNew) await ShowNewItemAsync();
            return;
        }
        if (change.Status != ClipStatus.Ready)
        {
            card.Apply(change);
            return;
        }
        // Ready: the links first, so the card never says ready without a video to open.
        if (await Items.FindClipAsync(card.Id, Closing) is not { } fresh) return;
        await Items.AddMediaAsync(card, fresh, Closing);
        card.Apply(change);
        card.Apply(fresh);
    }
}
