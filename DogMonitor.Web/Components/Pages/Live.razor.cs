using System.Globalization;
using DogMonitor.Domain.Cameras;
using DogMonitor.Domain.Recording;
using DogMonitor.Web.Components.Live;
using DogMonitor.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using MudBlazor;

namespace DogMonitor.Web.Components.Pages;

/// <summary>
/// A camera's live picture (hls.js through wwwroot/js/live.js), its recorder state and how far behind live
/// the playing frame is. "/" leads here. The Snapshot and Clip panels act at the playing frame's wall-clock time, so
/// they keep what the user saw, not what the camera sees now.
/// </summary>
public sealed partial class Live : IAsyncDisposable
{
    private readonly CancellationTokenSource _disposed = new();
    private LiveSession _session = null!;
    private ElementReference _video;
    private DotNetObjectReference<Live>? _self;
    private SnapshotPanel? _snapshots;
    private RecentClips? _recentClips;
    private bool _soundOn;
    private bool? _hasSound;
    private string _soundState = "Muted";
    private DateTime? _playingAt;
    private bool _recording;

    [Inject] private VisibleCameras Cameras { get; set; } = null!;
    [Inject] private IJSRuntime JS { get; set; } = null!;
    [Inject] private NavigationManager Navigation { get; set; } = null!;
    [Inject] private ISnackbar Snackbar { get; set; } = null!;
    [Inject] private TimeProvider Clock { get; set; } = null!;
    [Inject] private ICameraStateReader States { get; set; } = null!;

    private string CameraName => Cameras.Find(_session.CameraId)?.Name ?? _session.CameraId;
    private string LiveUrl => $"api/cameras/{Uri.EscapeDataString(_session.CameraId)}/live.m3u8";

    private string? Note { get => _session.Note; set => _session.Note = value; }

    private string DelayText => _recording
        ? "Playing the recording"
        : _session.DelaySeconds is { } delay
            ? string.Create(CultureInfo.InvariantCulture, $"{delay:0.0} s behind live")
            : "Waiting for video…";

    protected override void OnInitialized()
    {
        _session = new LiveSession(Snackbar, Clock, _disposed.Token);
        _session.Changed += OnSessionChanged;
        if (Navigation.ToBaseRelativePath(Navigation.Uri).Split('?')[0].Length == 0)
        {
            Navigation.NavigateTo("live", replace: true);
            return;
        }
        _session.CameraId = Cameras.Default?.Id ?? "";
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender || _session.CameraId.Length == 0) return;
        _self = DotNetObjectReference.Create(this);
        _session.Video = _video;
        var module = await JS.InvokeAsync<IJSObjectReference>("import", _disposed.Token, "./js/live.js");
        await module.InvokeVoidAsync("attach", _disposed.Token, _video, LiveUrl, _self);
        _session.Module = module;
        await ReadSoundAsync();
        StateHasChanged(); // the buttons wait for the player
    }

    /// <summary>
    /// Called by live.js about once a second: how far behind now the playing frame is (null while nothing plays), its
    /// wall-clock time, and whether it is the recording rather than live.
    /// </summary>
    [JSInvokable]
    public Task ReportPlayback(double? delaySeconds, string? playing, bool recording)
    {
        var shown = delaySeconds is { } s ? Math.Round(s, 1) : (double?)null;
        DateTime? at = DateTimeOffset.TryParse(playing, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time) ? time.UtcDateTime : null;
        if (shown == _session.DelaySeconds && at == _playingAt && recording == _recording) return Task.CompletedTask;
        (_session.DelaySeconds, _playingAt, _recording) = (shown, at, recording);
        return InvokeAsync(StateHasChanged);
    }

    /// <summary>The timeline asked to play the recording from <paramref name="at"/>: a window of it from there, up to an hour.</summary>
    private async Task PlayFromAsync(DateTime at)
    {
        if (_session.Module is not { } module) return;
        var from = at.ToString("O", CultureInfo.InvariantCulture);
        var to = (at + RecordingWindow.DefaultLength).ToString("O", CultureInfo.InvariantCulture);
        var url = $"api/cameras/{Uri.EscapeDataString(_session.CameraId)}/recording.m3u8?from={Uri.EscapeDataString(from)}&to={Uri.EscapeDataString(to)}";
        if (await module.InvokeAsync<bool>("playRecording", _disposed.Token, _video, url, from)) (_recording, _playingAt) = (true, at);
    }

    private async Task BackToLiveAsync()
    {
        if (_session.Module is not { } module) return;
        await module.InvokeVoidAsync("goLive", _disposed.Token, _video);
        (_recording, _playingAt) = (false, null);
    }

    /// <summary>Called by live.js when "s" is pressed outside a text field.</summary>
    [JSInvokable]
    public Task SnapshotShortcut() => InvokeAsync(() => _snapshots?.TakeAsync() ?? Task.CompletedTask);

    private async Task OnClipQueuedAsync(QueuedClip queued)
    {
        if (_recentClips is not null) await _recentClips.AddAsync(queued.Clip, queued.Title);
    }

    private async Task ToggleSoundAsync()
    {
        if (_session.Module is not { } module) return;
        // The browser may refuse sound it was not asked for by a click; the player says what it actually did.
        var wanted = !_soundOn;
        _soundOn = !await module.InvokeAsync<bool>("setMuted", _disposed.Token, _video, !wanted);
        _soundState = _soundOn ? "Playing sound" : wanted ? "The browser would not play sound; try again" : "Muted";
    }

    private async Task ReadSoundAsync()
    {
        var state = await States.ReadAsync(_session.CameraId, _disposed.Token);
        _hasSound = state?.Stream is { } stream ? stream.AudioCodec is not null : null;
    }

    private void OnSessionChanged() => _ = InvokeAsync(StateHasChanged);

    private async Task SelectCameraAsync(string cameraId)
    {
        if (cameraId == _session.CameraId || Cameras.Find(cameraId) is null) return;
        _session.CameraId = cameraId;
        _session.DelaySeconds = null;
        (_recording, _playingAt) = (false, null); // another camera starts live
        (_soundOn, _soundState) = (false, "Muted"); // another camera starts muted, as the first did
        if (_session.Module is { } module)
        {
            await module.InvokeVoidAsync("attach", _disposed.Token, _video, LiveUrl, _self);
            await module.InvokeAsync<bool>("setMuted", _disposed.Token, _video, true);
        }
        await ReadSoundAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _disposed.CancelAsync();
        _session.Changed -= OnSessionChanged;
        if (_session.Module is { } module)
        {
            try
            {
                await module.InvokeVoidAsync("detach", _video);
                await module.DisposeAsync();
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
