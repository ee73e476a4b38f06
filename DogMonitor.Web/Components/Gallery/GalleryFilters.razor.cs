using DogMonitor.Domain.Cameras;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace DogMonitor.Web.Components.Gallery;

/// <summary>Label, camera and date filters for both tabs; raises <see cref="ValueChanged"/> on every change.</summary>
public sealed partial class GalleryFilters
{
    private string? _label;
    private string? _cameraId;
    private DateRange? _dates;
    private bool _open;

    [Inject] private VisibleCameras Cameras { get; set; } = null!;

    /// <summary>The filter in force.</summary>
    [Parameter] public GalleryFilter Value { get; set; } = new();

    [Parameter] public EventCallback<GalleryFilter> ValueChanged { get; set; }

    protected override void OnParametersSet()
    {
        _label = Value.Label;
        _cameraId = Value.CameraId;
        _dates = Value.FromDay is null && Value.ToDay is null ? null : new DateRange(Value.FromDay, Value.ToDay);
    }

    private Task OnLabelChanged(string? label) =>
        ValueChanged.InvokeAsync(Value with { Label = string.IsNullOrWhiteSpace(label) ? null : label.Trim().ToLowerInvariant() });

    private Task OnCameraChanged(string? cameraId) => ValueChanged.InvokeAsync(Value with { CameraId = cameraId });

    private Task OnDatesChanged(DateRange? dates) =>
        ValueChanged.InvokeAsync(Value with { FromDay = dates?.Start?.Date, ToDay = dates?.End?.Date });

    private Task ClearAsync() => ValueChanged.InvokeAsync(new GalleryFilter());
}
