using DogMonitor.Domain.Clips;
using DogMonitor.Domain.Paging;
using DogMonitor.Domain.Sharing;
using DogMonitor.Web.Components.Gallery;
using MudBlazor;

namespace DogMonitor.Web.Components.Pages;

/// <summary>The gallery's dialogs for one item: the viewer (with the edit of labels and note) and the share dialog.</summary>
public sealed partial class Gallery
{
    private static DialogOptions ViewerOptions => new() { MaxWidth = MaxWidth.Large, FullWidth = true, CloseOnEscapeKey = true, CloseButton = true };

    private Task OpenSnapshotAsync(SnapshotCardModel card) => GuardAsync(async () =>
    {
        // Signed afresh: the card's URLs may be older than their lifetime.
        var imageUrl = await Items.UrlOfAsync(card.Snapshot.ImageKey, _disposed.Token);
        await Dialogs.ShowAsync<ViewerDialog>(card.Describe(Time), new DialogParameters<ViewerDialog>
        {
            { d => d.Title, card.Describe(Time) },
            { d => d.ImageUrl, imageUrl },
            { d => d.DownloadUrl, $"/api/snapshots/{card.Id}/download" },
            { d => d.Labels, card.Snapshot.Labels },
            { d => d.Note, card.Snapshot.Note },
            { d => d.OnSave, (labels, note) => SaveAsync(Items.EditSnapshotAsync(card.Id, labels, note, _disposed.Token),
                () => [card.Snapshot, _snapshots?.FindLoaded(c => c.Id == card.Id)?.Snapshot]) },
        }, ViewerOptions);
    });

    private Task OpenClipAsync(ClipCardModel card) => GuardAsync(async () =>
    {
        var fresh = await Items.FindClipAsync(card.Id, _disposed.Token);
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
        await Items.AddMediaAsync(card, fresh, _disposed.Token);
        await Dialogs.ShowAsync<ViewerDialog>(card.Describe(Time), new DialogParameters<ViewerDialog>
        {
            { d => d.Title, card.Describe(Time) },
            { d => d.VideoUrl, await Items.UrlOfAsync(video, _disposed.Token) },
            { d => d.ClipId, card.Id },
            { d => d.PosterUrl, card.PreviewUrl },
            { d => d.DownloadUrl, $"/api/clips/{card.Id}/download" },
            { d => d.Labels, card.Clip.Labels },
            { d => d.Note, card.Clip.Note },
            { d => d.Notice, ClipCardModel.GapsText(fresh.Gaps, Time) },
            { d => d.OnSave, (labels, note) => SaveAsync(Items.EditClipAsync(card.Id, labels, note, _disposed.Token),
                () => [card.Clip, _clips?.FindLoaded(c => c.Id == card.Id)?.Clip]) },
        }, ViewerOptions);
    });

    private async Task OpenByIdAsync(Guid id)
    {
        if (await Items.FindSnapshotAsync(id, _disposed.Token) is { } snapshot)
            await OpenSnapshotAsync(await Items.ToCardAsync(snapshot, _disposed.Token));
        else if (await Items.FindClipAsync(id, _disposed.Token) is { } clip)
            await OpenClipAsync(await Items.ToCardAsync(clip, _disposed.Token));
        else
            Snackbar.Add("That item no longer exists; it may have been deleted.", Severity.Warning);
    }

    /// <summary>
    /// Waits for an edit from the viewer and shows it on the card the viewer opened from and on the one the grid shows
    /// now (a new item may have read the grid again); a refusal goes back to the viewer as an <see cref="EditRejectedException"/>.
    /// </summary>
    private async Task<(IReadOnlyList<string> Labels, string? Note)> SaveAsync<T>(Task<T> editing, Func<T?[]> shown) where T : class, IListedItem
    {
        var stored = await editing;
        foreach (var item in shown().OfType<T>()) (item.Labels, item.Note) = (stored.Labels, stored.Note);
        StateHasChanged();
        return (stored.Labels, stored.Note);
    }

    private Task ShareSnapshotAsync(SnapshotCardModel card) => ShowShareDialogAsync(SharedKind.Snapshot, card.Id);

    private Task ShareClipAsync(ClipCardModel card) => ShowShareDialogAsync(SharedKind.Clip, card.Id);

    private Task ShowShareDialogAsync(SharedKind kind, Guid id) =>
        Dialogs.ShowAsync<ShareDialog>(kind == SharedKind.Clip ? "Share this clip" : "Share this snapshot",
            new DialogParameters<ShareDialog> { { d => d.Kind, kind }, { d => d.ItemId, id } },
            new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true, CloseOnEscapeKey = true });
}
