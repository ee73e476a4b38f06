using DogMonitor.Domain.Cameras;
using DogMonitor.Domain.Search;
using DogMonitor.Domain.Validation;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace DogMonitor.Web.Components.Gallery;

/// <summary>
/// A search over notes and labels, and label (with suggestions), camera and date filters, for both tabs; raises
/// <see cref="ValueChanged"/> on every change.
/// </summary>
public sealed partial class GalleryFilters
{
    private string? _search;
    private string? _searchError;
    private string? _label;
    private string? _cameraId;
    private DateRange? _dates;
    private bool _open;
    private GalleryFilter? _shown;

    [Inject] private VisibleCameras Cameras { get; set; } = null!;

    /// <summary>The filter in force.</summary>
    [Parameter] public GalleryFilter Value { get; set; } = new();

    [Parameter] public EventCallback<GalleryFilter> ValueChanged { get; set; }

    protected override void OnParametersSet()
    {
        // Only a filter from elsewhere replaces the fields: the page re-rendering (a clip's progress, the answer to a
        // change made here) must not undo typing.
        if (Value == _shown) return;
        _shown = Value;
        _searchError = null;
        _search = Value.Search;
        _label = Value.Label;
        _cameraId = Value.CameraId;
        _dates = Value.FromDay is null && Value.ToDay is null ? null : new DateRange(Value.FromDay, Value.ToDay);
    }

    private Task OnLabelChanged(string? text)
    {
        var label = string.IsNullOrWhiteSpace(text) ? null : text.Trim().ToLowerInvariant();
        return label == Value.Label ? Task.CompletedTask : RaiseAsync(Value with { Label = label });
    }

    /// <summary>
    /// Searches as one types; a text with nothing to search for (only punctuation, too many words) says why beside the
    /// box and keeps the last search.
    /// </summary>
    private Task OnSearchChanged(string? text)
    {
        _search = text;
        var errors = new ValidationErrors();
        var terms = SearchTerms.Parse(text, errors);
        _searchError = errors.IsEmpty ? null : string.Join(" ", errors.ToDictionary().Values.SelectMany(m => m));
        var search = terms is null ? null : text!.Trim();
        return !errors.IsEmpty || search == Value.Search ? Task.CompletedTask : RaiseAsync(Value with { Search = search });
    }

    private Task OnCameraChanged(string? cameraId) => RaiseAsync(Value with { CameraId = cameraId });

    private Task OnDatesChanged(DateRange? dates) => RaiseAsync(Value with { FromDay = dates?.Start?.Date, ToDay = dates?.End?.Date });

    // Not through RaiseAsync: the fields must empty when the cleared filter comes back.
    private Task ClearAsync() => ValueChanged.InvokeAsync(new GalleryFilter());

    /// <summary>
    /// Passes a filter made here to the page. Remembered as shown, so that when it comes back as <see cref="Value"/> the
    /// fields keep what was typed since (the page answers after a read, while typing goes on).
    /// </summary>
    private Task RaiseAsync(GalleryFilter filter)
    {
        _shown = filter;
        return ValueChanged.InvokeAsync(filter);
    }
}
