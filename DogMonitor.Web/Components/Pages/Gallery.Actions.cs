using DogMonitor.Domain.Clips;
using DogMonitor.Domain.Problems;
using DogMonitor.Domain.Sharing;
using DogMonitor.Domain.Snapshots;
using DogMonitor.Domain.Validation;
using DogMonitor.Web.Components.Gallery;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace DogMonitor.Web.Components.Pages;

/// <summary>The gallery's actions: view, share and delete (one item or the selection).</summary>
public sealed partial class Gallery
{
    [Inject] private IDialogService Dialogs { get; set; } = null!;
    [Inject] private ISnackbar Snackbar { get; set; } = null!;

    private Task OpenSnapshotAsync(SnapshotCardModel card) => GuardAsync(async () =>
    {
        // Signed afresh: the card's URLs may be older than their lifetime.
        var imageUrl = await Links.UrlOfAsync(card.Snapshot.ImageKey, _disposed.Token);
        await Dialogs.ShowAsync<ViewerDialog>(card.Describe(Time), new DialogParameters<ViewerDialog>
        {
            { d => d.Title, card.Describe(Time) },
            { d => d.ImageUrl, imageUrl },
            { d => d.DownloadUrl, $"/api/snapshots/{card.Id}/download" },
            { d => d.Labels, card.Snapshot.Labels },
            { d => d.Note, card.Snapshot.Note },
            { d => d.OnSave, (labels, note) => SaveSnapshotAsync(card, labels, note) },
        }, ViewerOptions);
    });

    private Task OpenClipAsync(ClipCardModel card) => GuardAsync(async () =>
    {
        var fresh = await WithAsync<ClipService, Clip?>(s => s.FindAsync(card.Id, _disposed.Token));
        if (fresh is null)
        {
            Snackbar.Add("This clip no longer exists; it may have been deleted.", Severity.Warning);
            return;
        }
        card.Apply(fresh);
        if (fresh.Status != ClipStatus.Ready || fresh.VideoKey is not { } video)
        {
            Snackbar.Add(fresh.Status == ClipStatus.Failed ? $"This clip could not be made: {fresh.Error}" : "This clip is still being cut; it opens once it is ready.",
                fresh.Status == ClipStatus.Failed ? Severity.Error : Severity.Info);
            return;
        }
        await card.AddMediaAsync(fresh, Links, _disposed.Token);
        await Dialogs.ShowAsync<ViewerDialog>(card.Describe(Time), new DialogParameters<ViewerDialog>
        {
            { d => d.Title, card.Describe(Time) },
            { d => d.VideoUrl, await Links.UrlOfAsync(video, _disposed.Token) },
            { d => d.PosterUrl, card.PreviewUrl },
            { d => d.DownloadUrl, $"/api/clips/{card.Id}/download" },
            { d => d.Labels, card.Clip.Labels },
            { d => d.Note, card.Clip.Note },
            { d => d.Notice, ClipCardModel.GapsText(fresh.Gaps, Time) },
            { d => d.OnSave, (labels, note) => SaveClipAsync(card, labels, note) },
        }, ViewerOptions);
    });

    private async Task OpenByIdAsync(Guid id)
    {
        if (await WithAsync<SnapshotService, Snapshot?>(s => s.FindAsync(id, _disposed.Token)) is { } snapshot)
            await OpenSnapshotAsync(await ToCardAsync(snapshot, _disposed.Token));
        else if (await WithAsync<ClipService, Clip?>(s => s.FindAsync(id, _disposed.Token)) is { } clip)
            await OpenClipAsync(await ToCardAsync(clip, _disposed.Token));
        else
            Snackbar.Add("That item no longer exists; it may have been deleted.", Severity.Warning);
    }

    private Task ShareAsync(ClipCardModel card) => ShowShareDialogAsync(SharedKind.Clip, card.Id);

    private Task ShareSnapshotAsync(SnapshotCardModel card) => ShowShareDialogAsync(SharedKind.Snapshot, card.Id);

    private Task ShowShareDialogAsync(SharedKind kind, Guid id) =>
        Dialogs.ShowAsync<ShareDialog>(kind == SharedKind.Clip ? "Share this clip" : "Share this snapshot",
            new DialogParameters<ShareDialog> { { d => d.Kind, kind }, { d => d.ItemId, id } },
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
        var title = SelectionCount == 1 ? "Delete 1 item?" : $"Delete {SelectionCount} items?";
        if (!await ConfirmAsync(title, "The selected snapshots and clips will be removed for good.")) return;
        await DeleteAsync([.. _selectedSnapshots], [.. _selectedClips]);
    }

    private async Task<bool> ConfirmAsync(string title, string message) =>
        await Dialogs.ShowMessageBoxAsync(title, message, yesText: "Delete", cancelText: "Cancel") == true;

    /// <summary>Deletes one by one; what was deleted leaves the selection, what failed stays selected to try again.</summary>
    private async Task DeleteAsync(IReadOnlyList<Guid> snapshotIds, IReadOnlyList<Guid> clipIds)
    {
        var deleted = 0;
        await GuardAsync(async () =>
        {
            try
            {
                foreach (var id in snapshotIds)
                {
                    await WithAsync<SnapshotService, bool>(s => s.DeleteAsync(id, _disposed.Token));
                    _selectedSnapshots.Remove(id);
                    deleted++;
                }
                foreach (var id in clipIds)
                {
                    await WithAsync<ClipService, bool>(s => s.DeleteAsync(id, _disposed.Token));
                    _selectedClips.Remove(id);
                    deleted++;
                }
                Snackbar.Add(deleted == 1 ? "Deleted." : $"{deleted} items deleted.", Severity.Success);
            }
            finally
            {
                await ReloadAsync();
            }
        });
        if (deleted < snapshotIds.Count + clipIds.Count)
            Snackbar.Add($"Deleted {deleted} of {snapshotIds.Count + clipIds.Count}; the rest are kept and still selected.", Severity.Warning);
    }

    private static DialogOptions ViewerOptions => new() { MaxWidth = MaxWidth.Large, FullWidth = true, CloseOnEscapeKey = true, CloseButton = true };
}
