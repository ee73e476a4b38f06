using System.Globalization;
using DogMonitor.Domain.Cameras;
using DogMonitor.Domain.Recording;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace DogMonitor.Web.Components.Pages;

/// <summary>
/// A camera's live picture (hls.js through wwwroot/js/live.js), its recorder state and how far behind live
/// the playing frame is. "/" leads here.
/// </summary>
public sealed partial class Live : IAsyncDisposable
{
    private static readonly TimeSpan StateInterval = TimeSpan.FromSeconds(3);

    private readonly CancellationTokenSource _disposed = new();
    private ElementReference _video;
    private IJSObjectReference? _module;
    private DotNetObjectReference<Live>? _self;
    private string _cameraId = "";
    private CameraState? _state;
    private double? _delaySeconds;

    [Inject] private CameraCatalog Cameras { get; set; } = null!;
    [Inject] private ICameraStateReader States { get; set; } = null!;
    [Inject] private IJSRuntime JS { get; set; } = null!;
    [Inject] private NavigationManager Navigation { get; set; } = null!;

    private string CameraName => Cameras.Find(_cameraId)?.Name ?? _cameraId;
    private string LiveUrl => $"api/cameras/{Uri.EscapeDataString(_cameraId)}/live.m3u8";
    private bool HasRecorded => _state?.BufferLast is not null;

    private string DelayText => _delaySeconds is { } delay
        ? string.Create(CultureInfo.InvariantCulture, $"{delay:0.0} s behind live")
        : "Waiting for video…";

    protected override async Task OnInitializedAsync()
    {
        if (Navigation.ToBaseRelativePath(Navigation.Uri).Split('?')[0].Length == 0)
        {
            Navigation.NavigateTo("live", replace: true);
            return;
        }
        _cameraId = Cameras.Default.Id;
        _state = await States.ReadAsync(_cameraId, _disposed.Token);
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender || _cameraId.Length == 0) return;
        _self = DotNetObjectReference.Create(this);
        _module = await JS.InvokeAsync<IJSObjectReference>("import", _disposed.Token, "./js/live.js");
        await _module.InvokeVoidAsync("attach", _disposed.Token, _video, LiveUrl, _self);
        _ = PollStateAsync(_disposed.Token);
    }

    /// <summary>Called by live.js about once a second; null while nothing plays.</summary>
    [JSInvokable]
    public Task ReportDelay(double? seconds)
    {
        var shown = seconds is { } s ? Math.Round(s, 1) : (double?)null;
        if (shown == _delaySeconds) return Task.CompletedTask;
        _delaySeconds = shown;
        return InvokeAsync(StateHasChanged);
    }

    private async Task SelectCameraAsync(string cameraId)
    {
        if (cameraId == _cameraId || Cameras.Find(cameraId) is null) return;
        _cameraId = cameraId;
        _delaySeconds = null;
        _state = await States.ReadAsync(_cameraId, _disposed.Token);
        if (_module is not null)
            await _module.InvokeVoidAsync("attach", _disposed.Token, _video, LiveUrl, _self);
    }

    private async Task PollStateAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(StateInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                _state = await States.ReadAsync(_cameraId, cancellationToken);
                await InvokeAsync(StateHasChanged);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _disposed.CancelAsync();
        if (_module is not null)
        {
            try
            {
                await _module.InvokeVoidAsync("detach", _video);
                await _module.DisposeAsync();
            }
            catch (JSDisconnectedException)
            {
                // The browser is gone, and its player with it.
            }
        }
        _self?.Dispose();
        _disposed.Dispose();
    }
}
