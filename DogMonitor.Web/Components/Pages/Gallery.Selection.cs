using DogMonitor.Web.Components.Gallery;
using MudBlazor;

namespace DogMonitor.Web.Components.Pages;

/// <summary>The gallery's selection: snapshots and ready clips, at most one zip's worth, for a zip or a batch delete.</summary>
public sealed partial class Gallery
{
    /// <summary>As many items as one zip takes (the downloads API's limit).</summary>
    private const int MaxSelection = 100;

    private readonly HashSet<Guid> _selectedSnapshots = [];
    private readonly HashSet<Guid> _selectedClips = [];

    private int SelectionCount => _selectedSnapshots.Count + _selectedClips.Count;

    private string SelectionText => SelectionCount == 1 ? "1 item selected" : $"{SelectionCount} items selected";

    private string ZipUrl => "/api/downloads.zip?" + string.Join('&',
        _selectedSnapshots.Select(id => $"snapshot_id={id}").Concat(_selectedClips.Select(id => $"clip_id={id}")));

    private bool IsSelected(Guid id) => _selectedSnapshots.Contains(id) || _selectedClips.Contains(id);

    private void Select(HashSet<Guid> kind, Guid id, bool selected)
    {
        if (!selected)
        {
            kind.Remove(id);
            return;
        }
        if (SelectionCount >= MaxSelection)
        {
            Snackbar.Add($"A selection holds at most {MaxSelection} items, as many as one zip takes.", Severity.Warning);
            return;
        }
        kind.Add(id);
    }

    private void SelectSnapshot(Guid id, bool selected) => Select(_selectedSnapshots, id, selected);

    private void SelectClip(ClipCardModel card, bool selected) => Select(_selectedClips, card.Id, selected && card.CanSelect);

    private void ClearSelection()
    {
        _selectedSnapshots.Clear();
        _selectedClips.Clear();
    }
}
