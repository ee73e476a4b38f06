using System.Globalization;
using DogMonitor.Domain.Activity;
using DogMonitor.Domain.Moments;
using DogMonitor.Domain.Problems;
using DogMonitor.Domain.Recording;
using DogMonitor.Web.Components.Moments;
using DogMonitor.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace DogMonitor.Web.Components.Live;

/// <summary>
/// The timeline under the live player: the buffer's recorded spans and the camera's moments over a window of ten
/// minutes to a week, the playing frame, a keyboard cursor, and a span to clip. Pointer gestures come from
/// wwwroot/js/timeline.js as fractions of the strip; playing is the page's (<see cref="OnPlayFrom"/>).
/// </summary>
public sealed partial class Timeline : IAsyncDisposable
{
    /// <summary>How often the strip reads the buffer and the moments again.</summary>
    private static readonly TimeSpan RefreshEvery = TimeSpan.FromSeconds(10);

    /// <summary>The most moments marked at once (the newest in the window).</summary>
    private const int MaxMarks = 500;

    private readonly CancellationTokenSource _disposed = new();
    private readonly TimelineWindow _window = new();
    private ElementReference _track;
    private DotNetObjectReference<Timeline>? _self;
    private IJSObjectReference? _module;
    private IReadOnlyList<BufferSpan> _spans = [];
    private IReadOnlyList<Moment> _moments = [];
    private DateTime _now;
    private DateTime? _cursor;
    private (DateTime Start, DateTime End)? _selection;
    private bool _selecting;
    private string? _problem;
    private string? _shownCamera;

    [Parameter, EditorRequired] public LiveSession Session { get; set; } = null!;

    /// <summary>The playing frame's wall-clock time, as the player last reported it.</summary>
    [Parameter] public DateTime? PlayingAt { get; set; }

    /// <summary>Whether the player plays the recording (not live).</summary>
    [Parameter] public bool Recording { get; set; }

    [Parameter] public EventCallback<DateTime> OnPlayFrom { get; set; }
    [Parameter] public EventCallback OnBackToLive { get; set; }
    [Parameter] public EventCallback<QueuedClip> OnQueued { get; set; }

    [Inject] private IRecordingBuffer Buffer { get; set; } = null!;
    [Inject] private MomentService Moments { get; set; } = null!;
    [Inject] private BrowserTime Time { get; set; } = null!;
    [Inject] private TimeProvider Clock { get; set; } = null!;
    [Inject] private IJSRuntime JS { get; set; } = null!;

    private DateTime? CursorOrPlaying => _cursor ?? PlayingAt;

    private string RangeText => $"{Label(_window.Start(_now), "T")} to {(_window.FollowsNow ? "now" : Label(_window.End(_now), "T"))}";

    private string PlayingText => PlayingAt is { } at ? Time.Format(at, "T") : "…";

    private string CursorText => CursorOrPlaying is { } at ? $"{Time.Format(at, "G")}{(_cursor is null ? " (playing)" : "")}" : "Nothing playing yet";

    // Within a day the time says enough; over days the weekday too ("Thu 21:00"; "t" alone in a custom format would be
    // the first letter of AM/PM).
    private string Label(DateTime at, string time) =>
        _window.Length <= TimeSpan.FromDays(1) ? Time.Format(at, time) : $"{Time.Format(at, "ddd")} {Time.Format(at, "t")}";

    protected override void OnParametersSet() => _now = Clock.GetUtcNow().UtcDateTime;

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender) return;
        await Time.DetectAsync();
        _self = DotNetObjectReference.Create(this);
        _module = await JS.InvokeAsync<IJSObjectReference>("import", _disposed.Token, "./js/timeline.js");
        await _module.InvokeVoidAsync("attach", _disposed.Token, _track, _self);
        _ = RefreshLoopAsync();
    }

    private async Task RefreshLoopAsync()
    {
        using var timer = new PeriodicTimer(RefreshEvery, Clock);
        try
        {
            do
            {
                await RefreshAsync();
            }
            while (await timer.WaitForNextTickAsync(_disposed.Token));
        }
        catch (OperationCanceledException)
        {
            // The page closed.
        }
    }

    /// <summary>Reads the window's recorded spans and moments again (also at once when the camera, zoom or window changes).</summary>
    private async Task RefreshAsync()
    {
        var camera = Session.CameraId;
        if (camera.Length == 0) return;
        _now = Clock.GetUtcNow().UtcDateTime;
        var (start, end) = (_window.Start(_now), _window.End(_now));
        try
        {
            var segments = await Buffer.ReadSegmentsAsync(camera, _disposed.Token);
            var page = await Session.ReadAsync(token => Moments.ListAsync(new MomentQuery(MaxMarks, null, camera, start, end, null, null), token));
            if (camera != Session.CameraId) return; // another camera was chosen meanwhile
            (_spans, _moments, _problem) = (BufferTimeline.RecordedSpans(segments, start, end), [.. page.Items.Select(v => v.Moment)], null);
            if (_shownCamera != camera) (_shownCamera, _cursor, _selection) = (camera, null, null);
        }
        catch (Exception ex) when (ex is DependencyUnavailableException or InvalidDataException or IOException)
        {
            _problem = $"The timeline could not be brought up to date: {ex.Message}";
        }
        await InvokeAsync(StateHasChanged);
    }

    /// <summary>A click or the end of a drag on the strip (timeline.js): plays from there.</summary>
    [JSInvokable]
    public Task Picked(double fraction) => InvokeAsync(() =>
    {
        _cursor = _window.TimeAt(fraction, _now);
        return PlayFromAsync(_cursor.Value);
    });

    /// <summary>A drag on the strip while selecting a span (timeline.js): the span between its two ends.</summary>
    [JSInvokable]
    public Task Selected(double from, double to) => InvokeAsync(() =>
    {
        var (a, b) = (_window.TimeAt(Math.Min(from, to), _now), _window.TimeAt(Math.Max(from, to), _now));
        _selection = b > a ? (a, b) : null;
        StateHasChanged();
    });

    /// <summary>Keys on the strip (timeline.js, which keeps them from scrolling the page): the cursor moves; Enter plays from it.</summary>
    [JSInvokable]
    public Task Key(string key) => InvokeAsync(async () =>
    {
        var at = CursorOrPlaying ?? _window.End(_now);
        DateTime? moved = key switch
        {
            "ArrowLeft" => at - _window.Step,
            "ArrowRight" => at + _window.Step,
            "PageUp" => at - _window.Length / 6,
            "PageDown" => at + _window.Length / 6,
            "Home" => _window.Start(_now),
            "End" => _window.End(_now),
            _ => null,
        };
        if (moved is { } time) _cursor = time > _now ? _now : time;
        else if (key is "Enter" or " ") await PlayFromAsync(at);
        StateHasChanged();
    });

    private async Task PlayFromAsync(DateTime at) => await OnPlayFrom.InvokeAsync(at);

    private Task ZoomAsync(TimeSpan length)
    {
        _window.Zoom(length, _now, CursorOrPlaying);
        return RefreshAsync();
    }

    private Task PanAsync(int direction)
    {
        _window.Pan(direction, _now);
        return RefreshAsync();
    }

    private void ToggleSelecting() => _selecting = !_selecting;

    private void MarkStart() => Mark(start: true);

    private void MarkEnd() => Mark(start: false);

    // The cursor's time (or the playing frame's) becomes one end; the other stays, or is 10 s away at first.
    private void Mark(bool start)
    {
        if (CursorOrPlaying is not { } at) return;
        var (from, to) = _selection ?? (start ? (at, at + TimeSpan.FromSeconds(10)) : (at - TimeSpan.FromSeconds(10), at));
        (from, to) = start ? (at, to) : (from, at);
        _selection = to > from ? (from, to) : (to, from);
    }

    private void ClearSelection() => _selection = null;

    private string Left(DateTime time) => string.Create(CultureInfo.InvariantCulture, $"left: {_window.FractionOf(time, _now) * 100:0.###}%");

    private string Box(DateTime start, DateTime end)
    {
        var (left, right) = (_window.FractionOf(start, _now), _window.FractionOf(end, _now));
        // At least a pixel or so, so a short span is seen at a week's zoom.
        return string.Create(CultureInfo.InvariantCulture, $"left: {left * 100:0.###}%; width: max(2px, {(right - left) * 100:0.###}%)");
    }

    private int Percent(DateTime? time) => time is { } at ? (int)Math.Round(_window.FractionOf(at, _now) * 100) : 100;

    private string AxisText(double fraction) => Label(_window.TimeAt(fraction, _now), "t");

    private string MomentLabel(Moment moment) =>
        $"{MomentWords.What(moment)} at {Time.Format(moment.StartedAt, "T")}, {MomentWords.Length(moment)}; play it";

    private static string KindClass(ActivityKinds kinds) => kinds.HasFlag(ActivityKinds.Motion) ? "dm-moment-motion" : "dm-moment-sound";

    private static string Iso(DateTime time) => time.ToString("O", CultureInfo.InvariantCulture);

    public async ValueTask DisposeAsync()
    {
        await _disposed.CancelAsync();
        if (_module is not null)
        {
            try
            {
                await _module.InvokeVoidAsync("detach", _track);
                await _module.DisposeAsync();
            }
            catch (JSDisconnectedException)
            {
                // The browser is gone.
            }
        }
        _self?.Dispose();
        _disposed.Dispose();
    }
}
