using DogMonitor.Web.Accounts;
using DogMonitor.Domain.Cameras;
using DogMonitor.Domain.Owners;
using DogMonitor.Web.Clips;
using DogMonitor.Web.Components.Gallery;
using DogMonitor.Web.Components.Shared;
using DogMonitor.Web.Media;
using DogMonitor.Web.Snapshots;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace DogMonitor.Web.Components.Pages;

/// <summary>
/// Snapshots and clips in two tabs, each a virtualized grid over the keyset listing. Clip cards follow the
/// workers' status events through <see cref="ClipStatusFeed"/>, new snapshots arrive through <see cref="SnapshotFeed"/>:
/// nothing polls.
/// </summary>
public sealed partial class Gallery : IDisposable
{
    private const int SnapshotsTab = 0;
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
    private IDisposable? _snapshotSubscription;

    [Inject] private UserScopes Scopes { get; set; } = null!;
    [Inject] private MediaLinks Links { get; set; } = null!;
    [Inject] private CameraCatalog Cameras { get; set; } = null!;
    [Inject] private ClipStatusFeed Feed { get; set; } = null!;
    [Inject] private SnapshotFeed SnapshotFeed { get; set; } = null!;
    [Inject] private ICurrentUser User { get; set; } = null!;
    [Inject] private BrowserTime Time { get; set; } = null!;
    [Inject] private TimeProvider Clock { get; set; } = null!;
    [Inject] private ILogger<Gallery> Logger { get; set; } = null!;

    /// <summary>The tab to show first: <c>snapshots</c> or <c>clips</c>.</summary>
    [SupplyParameterFromQuery] public string? Tab { get; set; }

    /// <summary>An item to open in the viewer straight away (the live page links here after a snapshot).</summary>
    [SupplyParameterFromQuery] public Guid? Open { get; set; }

    protected override async Task OnInitializedAsync()
    {
        _tab = string.Equals(Tab, "clips", StringComparison.OrdinalIgnoreCase) ? ClipsTab : SnapshotsTab;
        _snapshots = new GallerySource<SnapshotCardModel>(FetchSnapshotsAsync, SeekSnapshotsAsync, CountSnapshotsAsync, Clock);
        _clips = new GallerySource<ClipCardModel>(FetchClipsAsync, SeekClipsAsync, CountClipsAsync, Clock);
        _subscription = Feed.Subscribe(OnClipStatusAsync);
        _snapshotSubscription = SnapshotFeed.Subscribe(OnSnapshotCreatedAsync);
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
            await GuardAsync(() => OpenByIdAsync(id));
        }
    }

    private static string TabText(string name, int? count) => count is { } n ? $"{name} ({n:N0})" : name;

    private async Task LoadAsync()
    {
        _error = null;
        foreach (var reset in new Func<Task>[] { () => _snapshots.ResetAsync(_filter, _disposed.Token), () => _clips.ResetAsync(_filter, _disposed.Token) })
        {
            try
            {
                await reset();
            }
            catch (Exception ex) when (UserFacingErrors.Describe(ex) is { } text)
            {
                _error = $"The gallery could not be loaded. {text}";
            }
        }
    }

    /// <summary>Counts again and reads the open tab again (its grid is the only one on the page).</summary>
    private async Task ReloadAsync()
    {
        await LoadAsync();
        StateHasChanged();
        await RefreshOpenGridAsync();
    }

    private Task RefreshOpenGridAsync() => (_tab == ClipsTab ? _clipGrid?.RefreshAsync() : _snapshotGrid?.RefreshAsync()) ?? Task.CompletedTask;

    private Task RetryAsync() => ReloadAsync();

    private void OnGridError(Exception ex) => _error = UserFacingErrors.Describe(ex) is { } text
        ? $"Part of the gallery could not be read. {text}"
        : "Part of the gallery could not be read; see the app's log.";

    private async Task OnFilterChangedAsync(GalleryFilter filter)
    {
        _filter = filter;
        ClearSelection();
        await ReloadAsync();
    }

    /// <summary>Runs a user action; a failure becomes a message instead of ending the page's connection.</summary>
    private async Task GuardAsync(Func<Task> action)
    {
        try
        {
            await action();
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !_disposed.IsCancellationRequested)
        {
            LogActionFailed(Logger, ex);
            Snackbar.Add(UserFacingErrors.Describe(ex) ?? "That did not work; see the app's log.", Severity.Error);
        }
    }

    [LoggerMessage(LogLevel.Warning, "A gallery action failed")]
    private static partial void LogActionFailed(ILogger logger, Exception exception);

    public void Dispose()
    {
        _subscription?.Dispose();
        _snapshotSubscription?.Dispose();
        _disposed.Cancel();
    }
}
