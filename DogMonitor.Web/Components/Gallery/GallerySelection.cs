using MudBlazor;

namespace DogMonitor.Web.Components.Gallery;

/// <summary>
/// The snapshots and ready clips picked on either tab for one zip or one batch delete, at most one zip's worth. The
/// tabs' checkboxes and the selection bar share it; the page renders again on <see cref="Changed"/>.
/// </summary>
public sealed class GallerySelection(GalleryItems items, ISnackbar snackbar)
{
    /// <summary>As many items as one zip takes (the downloads API's limit).</summary>
    public const int MaxItems = 100;

    private readonly HashSet<Guid> _snapshots = [];
    private readonly HashSet<Guid> _clips = [];

    /// <summary>Raised after the selection changed, so the bar and the cards' checkboxes show it.</summary>
    public event Action? Changed;

    public int Count => _snapshots.Count + _clips.Count;

    public string Text => Count == 1 ? "1 item selected" : $"{Count} items selected";

    /// <summary>One download of everything selected (the downloads API zips snapshots and clips together).</summary>
    public string ZipUrl => "/api/downloads.zip?" + string.Join('&',
        _snapshots.Select(id => $"snapshot_id={id}").Concat(_clips.Select(id => $"clip_id={id}")));

    public bool IsSelected(Guid id) => _snapshots.Contains(id) || _clips.Contains(id);

    public void SelectSnapshot(Guid id, bool selected) => Select(_snapshots, id, selected);

    /// <summary>Only a ready clip has something to download, so a clip still being cut is never selected.</summary>
    public void SelectClip(ClipCardModel card, bool selected) => Select(_clips, card.Id, selected && card.CanSelect);

    /// <summary>Drops an item that no longer exists (deleted elsewhere) from the selection.</summary>
    public void Forget(Guid id)
    {
        if (_snapshots.Remove(id) | _clips.Remove(id)) Changed?.Invoke();
    }

    public void Clear()
    {
        _snapshots.Clear();
        _clips.Clear();
        Changed?.Invoke();
    }

    /// <summary>Deletes everything selected; see <see cref="DeleteAsync"/>.</summary>
    public Task<GalleryDeletion> DeleteSelectedAsync(CancellationToken cancellationToken) =>
        DeleteAsync([.. _snapshots], [.. _clips], cancellationToken);

    /// <summary>
    /// Deletes one by one, stopping at the first failure: what was deleted leaves the selection, what was not stays
    /// selected to try again. The failure comes back in the result, to be told with how far the deleting got.
    /// </summary>
    public async Task<GalleryDeletion> DeleteAsync(IReadOnlyList<Guid> snapshotIds, IReadOnlyList<Guid> clipIds, CancellationToken cancellationToken)
    {
        var deleted = 0;
        try
        {
            foreach (var id in snapshotIds)
            {
                await items.DeleteSnapshotAsync(id, cancellationToken);
                _snapshots.Remove(id);
                deleted++;
            }
            foreach (var id in clipIds)
            {
                await items.DeleteClipAsync(id, cancellationToken);
                _clips.Remove(id);
                deleted++;
            }
            return new GalleryDeletion(deleted, snapshotIds.Count + clipIds.Count, null);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return new GalleryDeletion(deleted, snapshotIds.Count + clipIds.Count, ex);
        }
        finally
        {
            Changed?.Invoke();
        }
    }

    private void Select(HashSet<Guid> kind, Guid id, bool selected)
    {
        if (!selected)
            kind.Remove(id);
        else if (Count >= MaxItems)
            snackbar.Add($"A selection holds at most {MaxItems} items, as many as one zip takes.", Severity.Warning);
        else
            kind.Add(id);
        Changed?.Invoke();
    }
}
