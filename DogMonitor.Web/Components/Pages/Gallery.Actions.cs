using DogMonitor.Domain.Clips;
using DogMonitor.Domain.Snapshots;
using DogMonitor.Web.Components.Gallery;
using DogMonitor.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace DogMonitor.Web.Components.Pages;

/// <summary>The gallery's actions: view, share, delete (one or a selection) and the selection's zip.</summary>
public sealed partial class Gallery
{
    private readonly HashSet<Guid> _selection = [];
    private readonly HashSet<Guid> _selectedClips = [];

    [Inject] private IDialogService Dialogs { get; set; } = null!;
    [Inject] private ISnackbar Snackbar { get; set; } = null!;
    [Inject] private BrowserTime Time { get; set; } = null!;

    private string SelectionText => _selection.Count == 1 ? "1 item selected" : $"{_selection.Count} items selected";

    private string ZipUrl => "/api/downloads.zip?" + string.Join('&',
        _selection.Select(id => (_selectedClips.Contains(id) ? "clip_id=" : "snapshot_id=") + id));

    private void Select(Guid id, bool selected)
    {
        if (selected)
        {
            _selection.Add(id);
            if (_tab == ClipsTab) _selectedClips.Add(id);
        }
        else
        {
            _selection.Remove(id);
            _selectedClips.Remove(id);
        }
    }

    private void ClearSelection()
    {
        _selection.Clear();
        _selectedClips.Clear();
    }

    private Task OpenSnapshotAsync(SnapshotCardModel card) => Dialogs.ShowAsync<ViewerDialog>(card.Describe(Time), new DialogParameters<ViewerDialog>
    {
        { d => d.Title, card.Describe(Time) },
        { d => d.ImageUrl, card.ImageUrl },
        { d => d.DownloadUrl, $"/api/snapshots/{card.Id}/download" },
        { d => d.Labels, card.Snapshot.Labels },
        { d => d.Note, card.Snapshot.Note },
    }, ViewerOptions);

    private async Task OpenClipAsync(ClipCardModel card)
    {
        if (card.Status != ClipStatus.Ready || card.VideoUrl is null)
        {
            Snackbar.Add(card.Status == ClipStatus.Failed ? $"This clip could not be made: {card.Error}" : "This clip is still being cut; it opens once it is ready.",
                card.Status == ClipStatus.Failed ? Severity.Error : Severity.Info);
            return;
        }
        await Dialogs.ShowAsync<ViewerDialog>(card.Describe(Time), new DialogParameters<ViewerDialog>
        {
            { d => d.Title, card.Describe(Time) },
            { d => d.VideoUrl, card.VideoUrl },
            { d => d.PosterUrl, card.PreviewUrl },
            { d => d.DownloadUrl, $"/api/clips/{card.Id}/download" },
            { d => d.Labels, card.Clip.Labels },
            { d => d.Note, card.Clip.Note },
        }, ViewerOptions);
    }

    private async Task OpenByIdAsync(Guid id)
    {
        await using var scope = Scopes.CreateAsyncScope();
        if (await scope.ServiceProvider.GetRequiredService<SnapshotService>().FindAsync(id, _disposed.Token) is { } snapshot)
            await OpenSnapshotAsync(await ToCardAsync(snapshot, _disposed.Token));
        else if (await scope.ServiceProvider.GetRequiredService<ClipService>().FindAsync(id, _disposed.Token) is { } clip)
        {
            var card = new ClipCardModel(clip, CameraName(clip.CameraId));
            await AddMediaAsync(card, clip, _disposed.Token);
            await OpenClipAsync(card);
        }
        else
            Snackbar.Add("That item no longer exists; it may have been deleted.", Severity.Warning);
    }

    private Task ShareAsync(ClipCardModel card) =>
        Dialogs.ShowAsync<ShareDialog>("Share this clip", new DialogParameters<ShareDialog> { { d => d.ClipId, card.Id } },
            new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true, CloseOnEscapeKey = true });

    private async Task DeleteSnapshotAsync(SnapshotCardModel card)
    {
        if (!await ConfirmAsync("Delete this snapshot?", $"{card.Describe(Time)} will be removed for good.")) return;
        await DeleteAsync([card.Id], []);
    }

    private async Task DeleteClipAsync(ClipCardModel card)
    {
        var running = card.IsFinished ? "" : " Its cut is stopped.";
        if (!await ConfirmAsync("Delete this clip?", $"{card.Describe(Time)} will be removed for good, with its share links.{running}")) return;
        await DeleteAsync([], [card.Id]);
    }

    private async Task DeleteSelectionAsync()
    {
        if (!await ConfirmAsync($"Delete {_selection.Count} items?", "The selected snapshots and clips will be removed for good.")) return;
        var clips = _selection.Where(_selectedClips.Contains).ToList();
        await DeleteAsync(_selection.Except(clips).ToList(), clips);
        ClearSelection();
    }

    private async Task<bool> ConfirmAsync(string title, string message) =>
        await Dialogs.ShowMessageBoxAsync(title, message, yesText: "Delete", cancelText: "Cancel") == true;

    private async Task DeleteAsync(IReadOnlyList<Guid> snapshotIds, IReadOnlyList<Guid> clipIds)
    {
        var deleted = 0;
        try
        {
            await using var scope = Scopes.CreateAsyncScope();
            var snapshots = scope.ServiceProvider.GetRequiredService<SnapshotService>();
            var clips = scope.ServiceProvider.GetRequiredService<ClipService>();
            foreach (var id in snapshotIds)
                if (await snapshots.DeleteAsync(id, _disposed.Token)) deleted++;
            foreach (var id in clipIds)
                if (await clips.DeleteAsync(id, _disposed.Token)) deleted++;
            Snackbar.Add(deleted == 1 ? "Deleted." : $"{deleted} items deleted.", Severity.Success);
        }
        catch (Exception ex) when (UserFacingErrors.Describe(ex) is { } text)
        {
            Snackbar.Add($"Deleted {deleted} of {snapshotIds.Count + clipIds.Count}; the rest are kept. {text}", Severity.Error);
        }
        await ReloadAsync();
    }

    private static DialogOptions ViewerOptions => new() { MaxWidth = MaxWidth.Large, FullWidth = true, CloseOnEscapeKey = true, CloseButton = true };
}
