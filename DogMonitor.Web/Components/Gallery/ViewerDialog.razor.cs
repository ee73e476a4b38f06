using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace DogMonitor.Web.Components.Gallery;

/// <summary>The full picture or the clip's video, with its labels and note, which can be changed here.</summary>
public sealed partial class ViewerDialog
{
    private IReadOnlyList<string> _labels = [];
    private string? _note;
    private bool _editing;
    private bool _saving;
    private string? _labelsText = "";
    private string _noteText = "";
    private string? _error;

    [CascadingParameter] private IMudDialogInstance Dialog { get; set; } = null!;

    /// <summary>What is shown, in words: camera and time.</summary>
    [Parameter] public string Title { get; set; } = "";

    /// <summary>The full image of a snapshot.</summary>
    [Parameter] public string? ImageUrl { get; set; }

    /// <summary>The video of a ready clip.</summary>
    [Parameter] public string? VideoUrl { get; set; }

    /// <summary>The clip shown, which the trim bar under its video cuts down; null for a snapshot.</summary>
    [Parameter] public Guid? ClipId { get; set; }

    /// <summary>The clip's preview, shown until the video plays.</summary>
    [Parameter] public string? PosterUrl { get; set; }

    /// <summary>Where the Download button leads (an attachment).</summary>
    [Parameter] public string? DownloadUrl { get; set; }

    /// <summary>The item's labels as stored.</summary>
    [Parameter] public IReadOnlyList<string> Labels { get; set; } = [];

    /// <summary>The item's note as stored.</summary>
    [Parameter] public string? Note { get; set; }

    /// <summary>Something to know about the item before watching it (what a clip skips); null for nothing.</summary>
    [Parameter] public string? Notice { get; set; }

    /// <summary>Stores new labels and note; returns the stored ones, or throws with a sentence to show.</summary>
    [Parameter] public Func<IReadOnlyList<string>, string, Task<(IReadOnlyList<string> Labels, string? Note)>>? OnSave { get; set; }

    /// <summary>The clip to offer trimming for: only a clip with a video to cut from.</summary>
    private Guid? TrimmableClipId => VideoUrl is null ? null : ClipId;

    protected override void OnParametersSet() => (_labels, _note) = (Labels, Note);

    private void StartEditing()
    {
        (_labelsText, _noteText, _error, _editing) = (string.Join(", ", _labels), _note ?? "", null, true);
    }

    private async Task SaveAsync()
    {
        if (OnSave is null) return;
        _saving = true;
        try
        {
            var labels = (_labelsText ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            (_labels, _note) = await OnSave(labels, _noteText);
            _editing = false;
        }
        catch (EditRejectedException ex)
        {
            _error = ex.Message;
        }
        finally
        {
            _saving = false;
        }
    }

    private void Close() => Dialog.Close();
}
