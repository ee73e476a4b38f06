using DogMonitor.Domain.Clips;
using DogMonitor.Domain.Problems;
using DogMonitor.Domain.Snapshots;
using DogMonitor.Domain.Validation;
using DogMonitor.Web.Components.Gallery;

namespace DogMonitor.Web.Components.Pages;

/// <summary>The gallery's edits: labels and note changed in the viewer, stored, and shown on the card.</summary>
public sealed partial class Gallery
{
    private Task<(IReadOnlyList<string> Labels, string? Note)> SaveSnapshotAsync(SnapshotCardModel card, IReadOnlyList<string> labels, string note) =>
        SaveAsync(async () =>
        {
            var stored = await WithAsync<SnapshotService, Snapshot?>(s => s.EditAsync(card.Id, new ItemEdit([.. labels], note), _disposed.Token));
            if (stored is null) return null;
            // The card the viewer opened from, and the one the grid shows now (a new item may have reloaded the page).
            foreach (var shown in new[] { card, _snapshots.FindLoaded(c => c.Id == card.Id) }.OfType<SnapshotCardModel>())
                (shown.Snapshot.Labels, shown.Snapshot.Note) = (stored.Labels, stored.Note);
            return (stored.Labels, stored.Note);
        });

    private Task<(IReadOnlyList<string> Labels, string? Note)> SaveClipAsync(ClipCardModel card, IReadOnlyList<string> labels, string note) =>
        SaveAsync(async () =>
        {
            var stored = await WithAsync<ClipService, Clip?>(s => s.EditAsync(card.Id, new ItemEdit([.. labels], note), _disposed.Token));
            if (stored is null) return null;
            foreach (var shown in new[] { card, _clips.FindLoaded(c => c.Id == card.Id) }.OfType<ClipCardModel>())
                (shown.Clip.Labels, shown.Clip.Note) = (stored.Labels, stored.Note);
            return (stored.Labels, stored.Note);
        });

    /// <summary>Stores an edit from the viewer and shows it on the card; a refusal goes back to the viewer as a sentence.</summary>
    private async Task<(IReadOnlyList<string> Labels, string? Note)> SaveAsync(Func<Task<(IReadOnlyList<string> Labels, string? Note)?>> save)
    {
        try
        {
            var stored = await save() ?? throw new EditRejectedException("This item no longer exists; it may have been deleted.");
            StateHasChanged();
            return stored;
        }
        catch (RequestValidationException ex)
        {
            throw new EditRejectedException(ex.Summary);
        }
        catch (Exception ex) when (UserFacingErrors.Describe(ex) is { } text)
        {
            throw new EditRejectedException(text);
        }
    }
}
