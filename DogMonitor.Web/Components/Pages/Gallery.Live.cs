using System.Collections.Concurrent;
using DogMonitor.Domain.Clips;
using DogMonitor.Domain.Messages;
using DogMonitor.Web.Components.Gallery;

namespace DogMonitor.Web.Components.Pages;

/// <summary>The gallery's live part: clip status events change the cards in place; a new clip or snapshot is counted and shown.</summary>
public sealed partial class Gallery
{
    private const int RememberedEvents = 512;

    /// <summary>The newest event per clip, for cards whose page was being read when it came.</summary>
    private readonly ConcurrentDictionary<Guid, ClipStatusChanged> _latest = new();

    private Task OnClipStatusAsync(ClipStatusChanged change)
    {
        if (change.OwnerId != User.OwnerId) return Task.CompletedTask;
        Remember(change);
        return Dispatch(change.ClipId, () => ApplyAsync(change));
    }

    /// <summary>A snapshot stored anywhere (the live page, the API, another device) is counted and shown at once.</summary>
    private Task OnSnapshotCreatedAsync(SnapshotCreated created) =>
        created.OwnerId != User.OwnerId ? Task.CompletedTask : Dispatch(created.SnapshotId, () => ShowNewItemAsync(_snapshots, SnapshotsTab, _snapshotGrid));

    /// <summary>
    /// Runs the news on the circuit's dispatcher, not awaited: the feed serves every open page, and this one's
    /// database reads must not hold the others up. A failure becomes the page's message.
    /// </summary>
    private Task Dispatch(Guid itemId, Func<Task> work)
    {
        _ = InvokeAsync(async () =>
        {
            try
            {
                await work();
            }
            catch (Exception ex) when (!_disposed.IsCancellationRequested)
            {
                LogEventFailed(Logger, ex, itemId);
                _error = UserFacingErrors.Describe(ex) ?? _error;
            }
            StateHasChanged();
        });
        return Task.CompletedTask;
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
        var card = _clips.FindLoaded(c => c.Id == change.ClipId);
        if (card is null)
        {
            // A clip made elsewhere (the live page, the API) belongs at the top of the listing.
            if (change.IsNew) await ShowNewItemAsync(_clips, ClipsTab, _clipGrid);
            return;
        }
        if (change.Status != ClipStatus.Ready)
        {
            card.Apply(change);
            return;
        }
        // Ready: the links first, so the card never says ready without a video to open.
        if (await WithAsync<ClipService, Clip?>(s => s.FindAsync(card.Id, _disposed.Token)) is not { } fresh) return;
        await card.AddMediaAsync(fresh, Links, _disposed.Token);
        card.Apply(change);
        card.Apply(fresh);
    }

    /// <summary>A new item is counted, and the open tab's grid reads its first rows again.</summary>
    private async Task ShowNewItemAsync<T>(GallerySource<T> source, int tab, GalleryGrid<T>? grid)
    {
        await source.ResetAsync(_filter, _disposed.Token);
        StateHasChanged();
        if (_tab == tab && grid is not null) await grid.RefreshAsync();
    }

    [LoggerMessage(LogLevel.Warning, "The gallery could not show the news of item {ItemId}")]
    private static partial void LogEventFailed(ILogger logger, Exception exception, Guid itemId);
}
