using System.Globalization;
using System.Text.Json;
using DogMonitor.Domain.Cameras;
using DogMonitor.Domain.Clips;
using DogMonitor.Domain.Problems;
using DogMonitor.Domain.Recording;
using DogMonitor.Domain.Snapshots;
using DogMonitor.Web.Components.Shared;
using DogMonitor.Web.Media;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using MudBlazor;

namespace DogMonitor.Web.Components.Pages;

/// <summary>
/// A camera's live picture (hls.js through wwwroot/js/live.js), its recorder state and how far behind live
/// the playing frame is. "/" leads here. Snapshots and clips are taken at the playing frame's wall-clock time, so
/// they show what the user saw, not what the camera sees now.
/// </summary>
public sealed partial class Live : IAsyncDisposable
{
    private static readonly TimeSpan StateInterval = TimeSpan.FromSeconds(3);
    private const long MaxCaptureBytes = 32 * 1024 * 1024; // a 4K JPEG is a few MB; the service applies its own limit

    private readonly CancellationTokenSource _disposed = new();
    private ElementReference _video;
    private IJSObjectReference? _module;
    private DotNetObjectReference<Live>? _self;
    private string _cameraId = "";
    private CameraState? _state;
    private double? _delaySeconds;
    private bool _busy;
    private bool _fullResolution;
    private IReadOnlyCollection<string> _labels = [];
    private string? _note;
    private TakenSnapshot? _lastSnapshot;
    private RecentClips? _recentClips;

    private static readonly string[] QuickLabels = ["sleeping", "playing", "eating", "barking", "good-boy"];

    private static readonly ClipChoice[] ClipChoices =
    [
        new("Last 10 s", "Clip the 10 seconds before the frame on screen", TimeSpan.FromSeconds(-10), TimeSpan.FromSeconds(10)),
        new("Last 30 s", "Clip the 30 seconds before the frame on screen", TimeSpan.FromSeconds(-30), TimeSpan.FromSeconds(30)),
        new("Next 10 s", "Clip the 10 seconds from the frame on screen on", TimeSpan.Zero, TimeSpan.FromSeconds(10)),
    ];

    [Inject] private CameraCatalog Cameras { get; set; } = null!;
    [Inject] private ICameraStateReader States { get; set; } = null!;
    [Inject] private IJSRuntime JS { get; set; } = null!;
    [Inject] private NavigationManager Navigation { get; set; } = null!;
    [Inject] private SnapshotService Snapshots { get; set; } = null!;
    [Inject] private ClipService Clips { get; set; } = null!;
    [Inject] private MediaLinks Links { get; set; } = null!;
    [Inject] private ISnackbar Snackbar { get; set; } = null!;
    [Inject] private TimeProvider Clock { get; set; } = null!;

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

    /// <summary>Called by live.js when "s" is pressed outside a text field.</summary>
    [JSInvokable]
    public Task SnapshotShortcut() => InvokeAsync(TakeSnapshotAsync);

    private async Task TakeSnapshotAsync()
    {
        if (_busy || _module is null) return;
        await RunAsync(async cancellationToken =>
        {
            string? frameData = null;
            string? timestamp;
            if (_fullResolution)
            {
                timestamp = await PlayingTimeAsync(cancellationToken);
            }
            else
            {
                var frame = await _module.InvokeAsync<JsonElement>("capture", cancellationToken, _video);
                if (frame.ValueKind != JsonValueKind.Object)
                {
                    Snackbar.Add("There is no picture to take yet: wait until the video plays.", Severity.Warning);
                    return;
                }
                frameData = await ReadCaptureAsync(cancellationToken);
                timestamp = frame.TryGetProperty("timestamp", out var at) && at.ValueKind == JsonValueKind.String
                    ? at.GetString()
                    : await PlayingTimeAsync(cancellationToken);
            }
            var snapshot = await Snapshots.CreateAsync(new NewSnapshot(timestamp, [.. _labels], _note, frameData, _cameraId), cancellationToken);
            var thumbnail = await Links.UrlOfAsync(snapshot.ThumbnailKey, cancellationToken);
            _lastSnapshot = new TakenSnapshot(thumbnail, snapshot.Timestamp, snapshot.Width, snapshot.Height);
            Snackbar.Add(string.Create(CultureInfo.CurrentCulture, $"Snapshot saved ({snapshot.Width} × {snapshot.Height})."), Severity.Success);
        });
    }

    private async Task MakeClipAsync(ClipChoice choice)
    {
        if (_busy || _module is null) return;
        await RunAsync(async cancellationToken =>
        {
            var playing = DateTimeOffset.Parse(await PlayingTimeAsync(cancellationToken), CultureInfo.InvariantCulture);
            var start = (playing + choice.Offset).ToString("O", CultureInfo.InvariantCulture);
            var clip = await Clips.CreateAsync(
                new NewClip(start, (long)choice.Duration.TotalMilliseconds, [.. _labels], _note, _cameraId, "exact"), cancellationToken);
            Snackbar.Add($"Clip queued: {choice.Title}.", Severity.Info);
            if (_recentClips is not null) await _recentClips.AddAsync(clip, choice.Title);
        });
    }

    /// <summary>The JPEG live.js captured, as the data URL the snapshot service takes.</summary>
    private async Task<string> ReadCaptureAsync(CancellationToken cancellationToken)
    {
        var image = await _module!.InvokeAsync<IJSStreamReference>("takeCapture", cancellationToken, _video);
        await using (image)
        {
            await using var stream = await image.OpenReadStreamAsync(MaxCaptureBytes, cancellationToken);
            using var bytes = new MemoryStream();
            await stream.CopyToAsync(bytes, cancellationToken);
            return "data:image/jpeg;base64," + Convert.ToBase64String(bytes.GetBuffer(), 0, (int)bytes.Length);
        }
    }

    /// <summary>The playing frame's wall-clock time; without one (Safari), now minus the last measured delay.</summary>
    private async Task<string> PlayingTimeAsync(CancellationToken cancellationToken)
    {
        if (_module is not null && await _module.InvokeAsync<string?>("playingDate", cancellationToken, _video) is { } playing)
            return playing;
        var estimate = Clock.GetUtcNow() - TimeSpan.FromSeconds(_delaySeconds ?? 0);
        return estimate.ToString("O", CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Runs one user action at a time (the circuit's services share one DbContext) and turns the domain's refusals
    /// into a snackbar: a rule broken, a dependency down or a moment the buffer does not hold never ends the circuit.
    /// </summary>
    private async Task RunAsync(Func<CancellationToken, Task> action)
    {
        _busy = true;
        StateHasChanged();
        try
        {
            await action(_disposed.Token);
        }
        catch (RequestValidationException ex)
        {
            Snackbar.Add(string.Join(" ", ex.Errors.Values.SelectMany(messages => messages)), Severity.Error);
        }
        catch (Exception ex) when (ex is MediaRejectedException or DependencyUnavailableException or RangeNotCoveredException)
        {
            Snackbar.Add(ex.Message, Severity.Error);
        }
        catch (JSException ex)
        {
            Snackbar.Add($"The browser could not take the picture: {ex.Message}", Severity.Error);
        }
        catch (Exception ex) when (ex is OperationCanceledException or JSDisconnectedException && _disposed.IsCancellationRequested)
        {
            // The page is closing.
        }
        finally
        {
            _busy = false;
        }
        if (!_disposed.IsCancellationRequested) StateHasChanged();
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

    private sealed record ClipChoice(string Title, string Tooltip, TimeSpan Offset, TimeSpan Duration);

    private sealed record TakenSnapshot(string ThumbnailUrl, DateTime Timestamp, int Width, int Height);
}
