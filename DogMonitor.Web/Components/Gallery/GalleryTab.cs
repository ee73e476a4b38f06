using DogMonitor.Domain.Owners;
using Microsoft.AspNetCore.Components;

namespace DogMonitor.Web.Components.Gallery;

/// <summary>
/// One tab of the gallery (<see cref="SnapshotsTab"/>, <see cref="ClipsTab"/>): its listing with the page's filter and
/// the count for the tab's title, the grid, the empty state, the loading bar, the error with Retry, and the live news
/// of its own kind, which a subclass subscribes to. Both tabs stay alive for their counts; only the open one shows a
/// grid (see <see cref="GalleryTabBody{TCard}"/>).
/// </summary>
public abstract class GalleryTab<TCard> : ComponentBase, IDisposable
{
    private readonly CancellationTokenSource _closed = new();
    private IDisposable? _subscription;
    private GalleryFilter? _loaded;

    [Inject] protected GalleryItems Items { get; set; } = null!;
    [Inject] private ICurrentUser User { get; set; } = null!;
    [Inject] private ILogger<GalleryTab<TCard>> Logger { get; set; } = null!;

    /// <summary>Whether this tab is the one open (only it shows a grid).</summary>
    [Parameter] public bool Active { get; set; }

    /// <summary>The page's filter; the tab counts and reads again when it changes.</summary>
    [Parameter] public GalleryFilter Filter { get; set; } = new();

    /// <summary>Told the count after every count (null when it could not be read), for the tab's title.</summary>
    [Parameter] public EventCallback<int?> CountChanged { get; set; }

    /// <summary>Raised by the empty state's "Clear filters".</summary>
    [Parameter] public EventCallback OnClearFilters { get; set; }

    /// <summary>The page's selection, which the cards' checkboxes change.</summary>
    [Parameter, EditorRequired] public GallerySelection Selection { get; set; } = null!;

    /// <summary>Raised to open a card's item in the viewer.</summary>
    [Parameter] public EventCallback<TCard> OnOpen { get; set; }

    /// <summary>Raised to open a card's share dialog.</summary>
    [Parameter] public EventCallback<TCard> OnShare { get; set; }

    /// <summary>Raised to delete a card's item (after a confirmation).</summary>
    [Parameter] public EventCallback<TCard> OnDelete { get; set; }

    /// <summary>"snapshots" or "clips", as the loading bar and the empty state say it.</summary>
    public abstract string Kind { get; }

    public GallerySource<TCard> Source { get; private set; } = null!;

    /// <summary>What went wrong in words, shown above the grid with a Retry button; null when all is well.</summary>
    public string? Error { get; private set; }

    protected CancellationToken Closing => _closed.Token;

    /// <summary>Set by the subclass's markup (<c>@ref</c>).</summary>
    protected GalleryTabBody<TCard>? Body { get; set; }

    protected abstract GallerySource<TCard> CreateSource();

    /// <summary>Subscribes to the live news of this tab's kind, until the tab goes away.</summary>
    protected abstract IDisposable Subscribe();

    /// <summary>The card of that item if it is among those read, e.g. to show an edit on it.</summary>
    public TCard? FindLoaded(Func<TCard, bool> match) => Source.FindLoaded(match);

    /// <summary>Counts again and reads the grid again (after a delete, or when Retry is pressed).</summary>
    public async Task ReloadAsync()
    {
        Error = null;
        try
        {
            await Source.ResetAsync(Filter, Closing);
        }
        catch (Exception ex) when (UserFacingErrors.Describe(ex) is { } text)
        {
            Error = $"The gallery could not be loaded. {text}";
        }
        await ShowCountAsync();
    }

    protected override void OnInitialized()
    {
        Source = CreateSource();
        _subscription = Subscribe();
    }

    protected override Task OnParametersSetAsync()
    {
        if (Filter == _loaded) return Task.CompletedTask;
        _loaded = Filter;
        return ReloadAsync();
    }

    protected bool IsMine(string ownerId) => ownerId == User.OwnerId;

    /// <summary>A new item is counted, and the open grid reads its first rows again.</summary>
    protected async Task ShowNewItemAsync()
    {
        await Source.ResetAsync(Filter, Closing);
        await ShowCountAsync();
    }

    /// <summary>
    /// Runs the news on the circuit's dispatcher, not awaited: the feed serves every open page, and this one's
    /// database reads must not hold the others up. A failure becomes the tab's message.
    /// </summary>
    protected Task Dispatch(Guid itemId, Func<Task> work)
    {
        _ = InvokeAsync(async () =>
        {
            try
            {
                await work();
            }
            catch (Exception ex) when (!_closed.IsCancellationRequested)
            {
                GalleryLog.EventFailed(Logger, ex, itemId);
                Error = UserFacingErrors.Describe(ex) ?? Error;
            }
            StateHasChanged();
        });
        return Task.CompletedTask;
    }

    internal void OnGridError(Exception ex) => Error = UserFacingErrors.Describe(ex) is { } text
        ? $"Part of the gallery could not be read. {text}"
        : "Part of the gallery could not be read; see the app's log.";

    /// <summary>The count goes to the page's tab title; the grid, if open, reads its rows again.</summary>
    private async Task ShowCountAsync()
    {
        await CountChanged.InvokeAsync(Source.Count);
        StateHasChanged();
        if (Active && Body is not null) await Body.RefreshAsync();
    }

    public void Dispose()
    {
        _subscription?.Dispose();
        _closed.Cancel();
    }
}
