using System.Globalization;
using DogMonitor.Domain.Activity;
using DogMonitor.Domain.Cameras;
using DogMonitor.Domain.Problems;
using DogMonitor.Web.Components.Gallery;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using MudBlazor;

namespace DogMonitor.Web.Components.Pages;

/// <summary>
/// An admin draws the parts of a camera's picture where motion is not looked for, on the live picture (a click a corner)
/// or as text (the way for a keyboard), and saves them (<see cref="ZoneSettings"/>).
/// </summary>
public sealed partial class IgnoreZones : IAsyncDisposable
{
    private readonly CancellationTokenSource _disposed = new();
    private List<List<(double X, double Y)>> _zones = [];
    private List<(double X, double Y)> _drawing = [];
    private string _text = "";
    private string? _error;
    private bool _saved;
    private bool _saving;
    private Camera? _camera;
    private ElementReference _video;
    private ElementReference _surface;
    private IJSObjectReference? _live;
    private IJSObjectReference? _zonesModule;
    private DotNetObjectReference<IgnoreZones>? _self;

    [Parameter] public string CameraId { get; set; } = "";

    [Inject] private CameraCatalog Catalog { get; set; } = null!;
    [Inject] private ZoneSettings Zones { get; set; } = null!;
    [Inject] private IJSRuntime JS { get; set; } = null!;
    [Inject] private ISnackbar Snackbar { get; set; } = null!;

    private string Text
    {
        get => _text;
        set
        {
            _text = value ?? "";
            try
            {
                _zones = [.. _text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(line => ZoneMask.ParsePolygon(line).ToList())];
                _error = null;
            }
            catch (FormatException ex)
            {
                _error = ex.Message;
            }
        }
    }

    private string SurfaceLabel => _zones.Count switch
    {
        0 => "No zone is ignored; click the picture to draw one",
        1 => "One zone is ignored",
        var n => $"{n} zones are ignored",
    };

    private string DrawingText => _drawing.Count switch
    {
        0 => "",
        1 => "1 corner: click the next",
        2 => "2 corners: one more at least",
        var n => $"{n} corners: click another, or finish the zone",
    };

    private string SourceText => _saved ? "These zones were saved here." : "These are the configuration's zones (Cameras:N:Activity:IgnoreZones); saving here takes their place.";

    protected override async Task OnParametersSetAsync()
    {
        _camera = Catalog.Find(CameraId);
        if (_camera is null) return;
        try
        {
            var (zones, saved) = await Zones.GetAsync(_camera, _disposed.Token);
            (Text, _saved, _drawing) = (string.Join('\n', zones), saved, []);
        }
        catch (Exception ex) when (UserFacingErrors.Describe(ex) is { } sentence)
        {
            _error = sentence;
        }
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender || _camera is null) return;
        try
        {
            _self = DotNetObjectReference.Create(this);
            // The picture takes clicks before it plays: a corner clicked early is not lost.
            _zonesModule = await JS.InvokeAsync<IJSObjectReference>("import", _disposed.Token, "./js/zones.js");
            await _zonesModule.InvokeVoidAsync("attach", _disposed.Token, _surface, _self);
            _live = await JS.InvokeAsync<IJSObjectReference>("import", _disposed.Token, "./js/live.js");
            await _live.InvokeVoidAsync("attach", _disposed.Token, _video, $"api/cameras/{Uri.EscapeDataString(_camera.Id)}/live.m3u8", _self);
        }
        catch (Exception ex) when (ex is JSDisconnectedException or OperationCanceledException)
        {
            // The page went before its scripts came.
        }
    }

    /// <summary>A click on the picture: a corner of the zone being drawn.</summary>
    [JSInvokable]
    public Task AddCorner(double x, double y) => InvokeAsync(() =>
    {
        _drawing.Add((x, y));
        StateHasChanged();
    });

    /// <summary>The live player reports how it plays; this page only shows the picture.</summary>
    [JSInvokable]
    public void ReportPlayback(double? delaySeconds, string? playingIso, bool recording)
    {
    }

    private void FinishZone()
    {
        if (_drawing.Count < 3) return;
        if (_error is not null)
        {
            // The text holds what the person wrote: it is not replaced by the zones before it.
            _error = $"{_error} Put the text right, or clear it, before adding the zone drawn.";
            return;
        }
        _zones.Add(_drawing);
        _drawing = [];
        _text = string.Join('\n', _zones.Select(ZoneSettings.Spell));
    }

    private void UndoCorner()
    {
        if (_drawing.Count > 0) _drawing.RemoveAt(_drawing.Count - 1);
    }

    private void ClearAll()
    {
        (_zones, _drawing, _text, _error) = ([], [], "", null);
    }

    private async Task SaveAsync()
    {
        if (_error is not null || _camera is null) return; // the text says what to fix
        _saving = true;
        try
        {
            var saved = await Zones.SaveAsync(_camera, [.. _zones.Select(ZoneSettings.Spell)], _disposed.Token);
            (Text, _saved) = (string.Join('\n', saved), true);
            Snackbar.Add(saved.Count == 0 ? "Saved: no zone is ignored." : $"Saved: {saved.Count} zone{(saved.Count == 1 ? " is" : "s are")} ignored from now on.", Severity.Success);
        }
        catch (RequestValidationException ex)
        {
            _error = ex.Summary;
        }
        catch (Exception ex) when (UserFacingErrors.Describe(ex) is { } sentence)
        {
            _error = sentence;
        }
        finally
        {
            _saving = false;
        }
    }

    private async Task ResetAsync()
    {
        if (_camera is null) return;
        try
        {
            await Zones.ResetAsync(_camera, _disposed.Token);
            (Text, _saved) = (string.Join('\n', _camera.Activity.IgnoreZones), false);
            Snackbar.Add("The configuration's zones apply again.", Severity.Info);
        }
        catch (Exception ex) when (UserFacingErrors.Describe(ex) is { } sentence)
        {
            _error = sentence;
        }
    }

    private static string Number(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);

    public async ValueTask DisposeAsync()
    {
        await _disposed.CancelAsync();
        try
        {
            if (_live is not null)
            {
                await _live.InvokeVoidAsync("detach", _video);
                await _live.DisposeAsync();
            }
            if (_zonesModule is not null)
            {
                await _zonesModule.InvokeVoidAsync("detach", _surface);
                await _zonesModule.DisposeAsync();
            }
        }
        catch (Exception ex) when (ex is JSDisconnectedException or JSException)
        {
            // The circuit is gone, and the page's scripts with it.
        }
        finally
        {
            _self?.Dispose();
            _disposed.Dispose();
        }
    }
}
