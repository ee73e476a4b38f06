using DogMonitor.Domain.Cameras;
using DogMonitor.Domain.Clips;
using DogMonitor.Domain.Messages;
using DogMonitor.Domain.Owners;
using DogMonitor.Domain.Paging;
using DogMonitor.Domain.Snapshots;
using DogMonitor.Web.Clips;
using DogMonitor.Web.Components.Gallery;
using DogMonitor.Web.Media;
using Microsoft.AspNetCore.Components;

namespace DogMonitor.Web.Components.Pages;

/// <summary>
/// Snapshots and clips in two tabs, each a virtualized grid over the keyset listing. Clip cards follow the
/// workers' status events through <see cref="ClipStatusFeed"/>: nothing polls.
/// </summary>
public sealed partial class Gallery : IDisposable
{
    private const int ClipsTab = 1;
    private readonly CancellationTokenSource _disposed = new();
    private GallerySource<SnapshotCardModel> _snapshots = null!;
    private GallerySource<ClipCardModel> _clips = null!;
    private GalleryGrid<SnapshotCardModel>? _snapshotGrid;
    private GalleryGrid<ClipCardModel>? _clipGrid;
    private GalleryFilter _filter = new();
    private int _tab;
    private string? _error;
    private bool _interactive;
    private IDisposable? _subscription;

    [Inject] private IServiceScopeFactory Scopes { get; set; } = null!;
    [Inject] private MediaLinks Links { get; set; } = null!;
    [Inject] private CameraCatalog Cameras { get; set; } = null!;
    [Inject] private ClipStatusFeed Feed { get; set; } = null!;
    [Inject] private ICurrentUser User { get; set; } = null!;

    /// <summary>The tab to show first: <c>snapshots</c> or <c>clips</c>.</summary>
    [SupplyParameterFromQuery] public string? Tab { get; set; }

    /// <summary>An item to open in the viewer straight away (the live page links here after a snapshot).</summary>
    [SupplyParameterFromQuery] public Guid? Open { get; set; }

    protected override async Task OnInitializedAsync()
    {
        _tab = string.Equals(Tab, "clips", StringComparison.OrdinalIgnoreCase) ? ClipsTab : 0;
        _snapshots = new GallerySource<SnapshotCardModel>(FetchSnapshotsAsync, SeekSnapshotsAsync, CountSnapshotsAsync);
        _clips = new GallerySource<ClipCardModel>(FetchClipsAsync, SeekClipsAsync, CountClipsAsync);
        _subscription = Feed.Subscribe(OnClipStatusAsync);
        await LoadAsync();
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender || !RendererInfo.IsInteractive) return;
        await Time.DetectAsync();
        // Marks the page as live (tests and scripts wait for it: clicks before the circuit connects are lost).
        _interactive = true;
        StateHasChanged();
        // Opened once the circuit is up: dialogs need the interactive renderer.
        if (Open is { } id)
        {
            Open = null;
            await OpenByIdAsync(id);
        }
    }

    private static string TabText(string name, int? count) => count is { } n ? $"{name} ({n:N0})" : name;

    private async Task LoadAsync()
    {
        try
        {
            _error = null;
            await _snapshots.ResetAsync(_filter, _disposed.Token);
            await _clips.ResetAsync(_filter, _disposed.Token);
        }
        catch (Exception ex) when (UserFacingErrors.Describe(ex) is { } text)
        {
            _error = $"The gallery could not be loaded. {text}";
        }
    }

    private async Task ReloadAsync()
    {
        await LoadAsync();
        StateHasChanged();
        if (_snapshotGrid is not null) await _snapshotGrid.RefreshAsync();
        if (_clipGrid is not null) await _clipGrid.RefreshAsync();
    }

    private Task RetryAsync() => ReloadAsync();

    private async Task OnFilterChangedAsync(GalleryFilter filter)
    {
        _filter = filter;
        _selection.Clear();
        await ReloadAsync();
    }

    private async Task<Page<SnapshotCardModel>> FetchSnapshotsAsync(GalleryFilter filter, PageCursor? cursor, int limit, CancellationToken cancellationToken)
    {
        // A scope per read: the grid reads while the page may be deleting, and a DbContext takes one call at a time.
        await using var scope = Scopes.CreateAsyncScope();
        var page = await scope.ServiceProvider.GetRequiredService<SnapshotService>().ListAsync(filter.ToQuery(limit, cursor), cancellationToken);
        var cards = new List<SnapshotCardModel>(page.Items.Count);
        foreach (var snapshot in page.Items)
            cards.Add(await ToCardAsync(snapshot, cancellationToken));
        return new Page<SnapshotCardModel>(cards, page.Next);
    }

    private async Task<Page<ClipCardModel>> FetchClipsAsync(GalleryFilter filter, PageCursor? cursor, int limit, CancellationToken cancellationToken)
    {
        await using var scope = Scopes.CreateAsyncScope();
        var page = await scope.ServiceProvider.GetRequiredService<ClipService>().ListAsync(filter.ToQuery(limit, cursor), null, cancellationToken);
        var cards = new List<ClipCardModel>(page.Items.Count);
        foreach (var clip in page.Items)
        {
            var card = new ClipCardModel(clip, CameraName(clip.CameraId));
            await AddMediaAsync(card, clip, cancellationToken);
            cards.Add(card);
        }
        return new Page<ClipCardModel>(cards, page.Next);
    }

    private async Task<PageCursor?> SeekSnapshotsAsync(GalleryFilter filter, PageCursor? cursor, int skip, CancellationToken cancellationToken)
    {
        await using var scope = Scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SnapshotService>().SeekAsync(filter.ToQuery(1, cursor), skip, cancellationToken);
    }

    private async Task<PageCursor?> SeekClipsAsync(GalleryFilter filter, PageCursor? cursor, int skip, CancellationToken cancellationToken)
    {
        await using var scope = Scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ClipService>().SeekAsync(filter.ToQuery(1, cursor), skip, cancellationToken);
    }

    private async Task<int> CountSnapshotsAsync(GalleryFilter filter, CancellationToken cancellationToken)
    {
        await using var scope = Scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SnapshotService>().CountAsync(filter.ToQuery(1, null), cancellationToken);
    }

    private async Task<int> CountClipsAsync(GalleryFilter filter, CancellationToken cancellationToken)
    {
        await using var scope = Scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ClipService>().CountAsync(filter.ToQuery(1, null), cancellationToken);
    }

    private async Task<SnapshotCardModel> ToCardAsync(Snapshot snapshot, CancellationToken cancellationToken) =>
        new(snapshot, CameraName(snapshot.CameraId),
            await Links.UrlOfAsync(snapshot.ThumbnailKey, cancellationToken),
            await Links.UrlOfAsync(snapshot.ImageKey, cancellationToken));

    private async Task AddMediaAsync(ClipCardModel card, Clip clip, CancellationToken cancellationToken)
    {
        if (clip.Status != ClipStatus.Ready) return;
        if (clip.PreviewKey is { } preview) card.PreviewUrl = await Links.UrlOfAsync(preview, cancellationToken);
        if (clip.VideoKey is { } video) card.VideoUrl = await Links.UrlOfAsync(video, cancellationToken);
    }

    private string CameraName(string? cameraId) => Cameras.Find(cameraId)?.Name ?? cameraId ?? "Uploaded";

    private Task OnClipStatusAsync(ClipStatusChanged change)
    {
        if (change.OwnerId != User.OwnerId) return Task.CompletedTask;
        return InvokeAsync(async () =>
        {
            try
            {
                await ApplyAsync(change);
            }
            catch (Exception ex) when (UserFacingErrors.Describe(ex) is { } text)
            {
                _error = text;
            }
            StateHasChanged();
        });
    }

    private async Task ApplyAsync(ClipStatusChanged change)
    {
        var card = _clips.FindLoaded(c => c.Id == change.ClipId);
        if (card is null)
        {
            // A clip made elsewhere (the live page, the API): it belongs at the top of the listing.
            if (change.Status == ClipStatus.Queued)
            {
                await _clips.ResetAsync(_filter, _disposed.Token);
                StateHasChanged();
                if (_clipGrid is not null) await _clipGrid.RefreshAsync();
            }
            return;
        }
        if (!card.Apply(change) || card.Status != ClipStatus.Ready) return;
        await using var scope = Scopes.CreateAsyncScope();
        if (await scope.ServiceProvider.GetRequiredService<ClipService>().FindAsync(card.Id, _disposed.Token) is { } fresh)
        {
            card.Apply(fresh);
            await AddMediaAsync(card, fresh, _disposed.Token);
        }
    }

    public void Dispose()
    {
        _subscription?.Dispose();
        _disposed.Cancel();
    }
}
