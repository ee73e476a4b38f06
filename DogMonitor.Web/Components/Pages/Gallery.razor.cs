using DogMonitor.Web.Components.Gallery;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace DogMonitor.Web.Components.Pages;

/// <summary>
/// Snapshots and clips in two tabs (<see cref="SnapshotsTab"/>, <see cref="ClipsTab"/>: each its own listing, grid
/// and live news), the filters they share, the selection across both (<see cref="GallerySelection"/>), and the
/// dialogs: the viewer, where labels and the note are changed, the share dialog, and the confirmation of a delete.
/// </summary>
public sealed partial class Gallery : IDisposable
{
    private const int SnapshotsIndex = 0;
    private const int ClipsIndex = 1;
    private readonly CancellationTokenSource _disposed = new();
    private GallerySelection _selection = null!;
    private SnapshotsTab? _snapshots;
    private ClipsTab? _clips;
    private GalleryFilter _filter = new();
    private int _tab;
    private int? _snapshotCount;
    private int? _clipCount;

    [Inject] private GalleryItems Items { get; set; } = null!;
    [Inject] private IDialogService Dialogs { get; set; } = null!;
    [Inject] private ISnackbar Snackbar { get; set; } = null!;
    [Inject] private ILogger<Gallery> Logger { get; set; } = null!;

    /// <summary>The tab to show first: <c>snapshots</c> or <c>clips</c>.</summary>
    [SupplyParameterFromQuery] public string? Tab { get; set; }

    /// <summary>An item to open in the viewer straight away (the live page links here after a snapshot).</summary>
    [SupplyParameterFromQuery] public Guid? Open { get; set; }

    protected override void OnInitialized()
    {
        _tab = string.Equals(Tab, "clips", StringComparison.OrdinalIgnoreCase) ? ClipsIndex : SnapshotsIndex;
        _selection = new GallerySelection(Items, Snackbar);
        _selection.Changed += StateHasChanged;
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        // Marks the page as live (tests and scripts wait for it: clicks before the circuit connects are lost).
        await base.OnAfterRenderAsync(firstRender);
        // Opened once the circuit is up: dialogs need the interactive renderer.
        if (firstRender && Interactive && Open is { } id)
        {
            Open = null;
            await GuardAsync(() => OpenByIdAsync(id));
        }
    }

    private static string TabText(string name, int? count) => count is { } n ? $"{name} ({n:N0})" : name;

    /// <summary>The tabs count and read again once they have the new filter; what was selected under the old one is let go.</summary>
    private void OnFilterChanged(GalleryFilter filter)
    {
        _filter = filter;
        _selection.Clear();
    }

    private void ClearFilters() => OnFilterChanged(new GalleryFilter());

    private async Task DeleteSnapshotAsync(SnapshotCardModel card)
    {
        if (!await ConfirmAsync("Delete this snapshot?", $"{card.Describe(Time)} will be removed for good.")) return;
        await DeleteAsync(_selection.DeleteAsync([card.Id], [], _disposed.Token));
    }

    private async Task DeleteClipAsync(ClipCardModel card)
    {
        var running = card.IsFinished ? "" : " Its cut is stopped.";
        if (!await ConfirmAsync("Delete this clip?", $"{card.Describe(Time)} will be removed for good, with its share links.{running}")) return;
        await DeleteAsync(_selection.DeleteAsync([], [card.Id], _disposed.Token));
    }

    private async Task DeleteSelectionAsync()
    {
        var title = _selection.Count == 1 ? "Delete 1 item?" : $"Delete {_selection.Count} items?";
        if (!await ConfirmAsync(title, "The selected snapshots and clips will be removed for good.")) return;
        await DeleteAsync(_selection.DeleteSelectedAsync(_disposed.Token));
    }

    private async Task<bool> ConfirmAsync(string title, string message) =>
        await Dialogs.ShowMessageBoxAsync(title, message, yesText: "Delete", cancelText: "Cancel") == true;

    /// <summary>Waits for a delete, then counts and reads both tabs again, and says how it went.</summary>
    private async Task DeleteAsync(Task<GalleryDeletion> deleting)
    {
        var deletion = await deleting;
        if (deletion.Failure is null) Snackbar.Add(deletion.DoneText, Severity.Success);
        await GuardAsync(async () =>
        {
            if (_snapshots is not null) await _snapshots.ReloadAsync();
            if (_clips is not null) await _clips.ReloadAsync();
        });
        if (deletion.Failure is { } failure) Report(failure);
        if (deletion.ShortfallText is { } shortfall) Snackbar.Add(shortfall, Severity.Warning);
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
            Report(ex);
        }
    }

    private void Report(Exception failure)
    {
        GalleryLog.ActionFailed(Logger, failure);
        Snackbar.Add(UserFacingErrors.Describe(failure) ?? "That did not work; see the app's log.", Severity.Error);
    }

    public void Dispose()
    {
        _selection.Changed -= StateHasChanged;
        _disposed.Cancel();
    }
}
