using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web.Virtualization;
using Microsoft.JSInterop;

namespace DogMonitor.Web.Components.Gallery;

/// <summary>
/// A responsive grid of cards over any number of items: rows are virtualized, so only the rows in view (and a
/// couple either side) are in the DOM, and only their thumbnails are fetched. The column count follows the
/// grid's width, measured in the browser.
/// </summary>
public sealed partial class GalleryGrid<TItem> : IAsyncDisposable
{
    private const int Gap = 16;
    private ElementReference _container;
    private Virtualize<GalleryRow<TItem>>? _virtualize;
    private DotNetObjectReference<GalleryGrid<TItem>>? _self;
    private IJSObjectReference? _observer;
    private int _columns = 4;

    [Inject] private IJSRuntime JS { get; set; } = null!;

    /// <summary>Reads items by index: start and count.</summary>
    [Parameter, EditorRequired] public Func<int, int, CancellationToken, Task<IReadOnlyList<TItem>>> Items { get; set; } = null!;

    /// <summary>How many items there are in all.</summary>
    [Parameter] public int TotalCount { get; set; }

    [Parameter, EditorRequired] public RenderFragment<TItem> CardTemplate { get; set; } = null!;

    /// <summary>A card's height plus the gap below it, in pixels: the same for every row, as virtualizing needs.</summary>
    [Parameter] public int RowHeight { get; set; } = 316;

    /// <summary>The narrowest a card may get before a column is dropped.</summary>
    [Parameter] public int MinCardWidth { get; set; } = 240;

    /// <summary>Told when items cannot be read (the grid then shows what it has, and the page says why).</summary>
    [Parameter] public EventCallback<Exception> OnError { get; set; }

    private string RowStyle => $"grid-template-columns: repeat({_columns}, minmax(0, 1fr)); height: {RowHeight}px; gap: {Gap}px";

    /// <summary>Reads the items again (after a filter change, a delete or a new item).</summary>
    public async Task RefreshAsync()
    {
        if (_virtualize is null) return;
        await _virtualize.RefreshDataAsync();
        // Virtualize re-renders its own items after a refresh, but a row whose card count grew kept its old cards
        // (3 snapshots counted, 2 shown) until this component rendered the rows again.
        StateHasChanged();
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender) return;
        _self = DotNetObjectReference.Create(this);
        await using var module = await JS.InvokeAsync<IJSObjectReference>("import", "./js/gallery.js");
        _observer = await module.InvokeAsync<IJSObjectReference>("observeColumns", _container, _self, MinCardWidth, Gap);
    }

    /// <summary>Called from the browser when the width allows a different number of columns.</summary>
    [JSInvokable]
    public async Task SetColumnsAsync(int columns)
    {
        columns = Math.Clamp(columns, 1, 12);
        if (columns == _columns) return;
        _columns = columns;
        await RefreshAsync();
        StateHasChanged();
    }

    private async ValueTask<ItemsProviderResult<GalleryRow<TItem>>> ProvideRowsAsync(ItemsProviderRequest request)
    {
        var columns = _columns;
        var totalRows = (TotalCount + columns - 1) / columns;
        try
        {
            var items = await Items(request.StartIndex * columns, request.Count * columns, request.CancellationToken);
            var rows = items.Chunk(columns).Select((chunk, i) => new GalleryRow<TItem>(request.StartIndex + i, chunk)).ToList();
            return new ItemsProviderResult<GalleryRow<TItem>>(rows, totalRows);
        }
        catch (Exception) when (request.CancellationToken.IsCancellationRequested)
        {
            // A newer request replaced this one (a refresh, a scroll). Virtualize drops the answers of cancelled
            // requests, but only recognises a cancellation carrying its own token; a database driver's may not.
            return new ItemsProviderResult<GalleryRow<TItem>>([], totalRows);
        }
        catch (Exception ex)
        {
            // Virtualize would rethrow this while rendering and end the circuit: the page shows it instead.
            await OnError.InvokeAsync(ex);
            return new ItemsProviderResult<GalleryRow<TItem>>([], totalRows);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_observer is not null)
        {
            try
            {
                await _observer.InvokeVoidAsync("dispose");
                await _observer.DisposeAsync();
            }
            catch (JSDisconnectedException)
            {
                // The browser went away first; there is nothing left to tidy there.
            }
        }
        _self?.Dispose();
    }
}
