using System.Globalization;
using DogMonitor.Domain.Clips;
using DogMonitor.Domain.Problems;
using DogMonitor.Domain.Messages;
using DogMonitor.Web.Accounts;
using DogMonitor.Web.Clips;
using DogMonitor.Web.Components.Gallery;
using DogMonitor.Web.Media;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.JSInterop;

namespace DogMonitor.Web.Components.Trim;

/// <summary>
/// Under a ready clip's video: a filmstrip (the clip's scrub strip) with two handles that choose the part to keep, to
/// the frame, by pointer or keyboard, and Save as new / Replace, which queue the trim and show it being cut. The handles
/// seek the video, so the frame a handle is on can be seen.
/// </summary>
public sealed partial class TrimBar : IAsyncDisposable
{
    private static readonly TrimHandle[] Handles = [TrimHandle.Start, TrimHandle.End];
    private readonly CancellationTokenSource _disposed = new();
    private TrimSelection? _selection;
    private Guid _loaded;
    private string? _spriteUrl;
    private string? _error;
    private bool _saving;
    private TrimmedClip? _trimmed;
    private ElementReference _strip;
    private IJSObjectReference? _module;
    private IJSObjectReference? _attached;
    private DotNetObjectReference<TrimBar>? _self;
    private IDisposable? _subscription;

    [Inject] private UserScopes Scopes { get; set; } = null!;
    [Inject] private MediaLinks Links { get; set; } = null!;
    [Inject] private ClipStatusFeed Feed { get; set; } = null!;
    [Inject] private IJSRuntime JS { get; set; } = null!;

    /// <summary>The ready clip to trim (the signed-in user's; another's shows nothing).</summary>
    [Parameter, EditorRequired] public Guid ClipId { get; set; }

    private bool Busy => _saving || _trimmed is { IsFinished: false };

    private string StripStyle => _spriteUrl is null ? "" : $"background-image: url('{_spriteUrl.Replace("'", "%27", StringComparison.Ordinal)}')";

    protected override void OnInitialized() => _subscription = Feed.Subscribe(OnStatusChangedAsync);

    protected override async Task OnParametersSetAsync()
    {
        if (_loaded == ClipId) return;
        _loaded = ClipId;
        // A failure here would end the page's connection: it becomes the bar's message instead.
        try
        {
            var clip = await Scopes.WithAsync<ClipService, Clip?>(s => s.FindAsync(ClipId, _disposed.Token));
            if (clip is not { Status: ClipStatus.Ready })
            {
                _selection = null;
                return;
            }
            var selection = new TrimSelection(clip.ProducedDurationMs ?? clip.DurationMs, clip.FramesPerSecond);
            _selection = selection.CanTrim ? selection : null;
            _spriteUrl = clip.PreviewSpriteKey is { } sprite ? await Links.UrlOfAsync(sprite, _disposed.Token) : null;
        }
        catch (OperationCanceledException) when (_disposed.IsCancellationRequested)
        {
            // The viewer closed first.
        }
        catch (Exception ex) when (UserFacingErrors.Describe(ex) is { } message)
        {
            (_selection, _error) = (null, message);
        }
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (_selection is null || _attached is not null || !RendererInfo.IsInteractive) return;
        _self = DotNetObjectReference.Create(this);
        _module = await JS.InvokeAsync<IJSObjectReference>("import", "./js/trim.js");
        _attached = await _module.InvokeAsync<IJSObjectReference>("attach", _strip, _self);
    }

    /// <summary>A handle dragged to <paramref name="fraction"/> of the strip's width (from js/trim.js).</summary>
    [JSInvokable]
    public Task DragAsync(string handle, double fraction)
    {
        if (_selection is null) return Task.CompletedTask;
        var which = handle == "end" ? TrimHandle.End : TrimHandle.Start;
        _selection.SetAt(which, fraction);
        StateHasChanged();
        return SeekAsync(which);
    }

    private Task OnKeyAsync(TrimHandle handle, KeyboardEventArgs e) =>
        _selection is not null && !e.CtrlKey && !e.AltKey && !e.MetaKey && TrimKeys.FramesFor(e.Key, _selection) is { } frames
            ? StepAsync(handle, frames)
            : Task.CompletedTask;

    private Task StepAsync(TrimHandle handle, int frames)
    {
        _selection?.Move(handle, frames);
        return SeekAsync(handle);
    }

    // The video shows the handle's frame: the first kept for the start, the last kept for the end.
    private async Task SeekAsync(TrimHandle handle)
    {
        if (_module is null || _selection is not { } s) return;
        var ms = handle == TrimHandle.Start ? s.StartMs : s.ToMs(Math.Max(s.End - 1, 0));
        try { await _module.InvokeVoidAsync("seek", _disposed.Token, _strip, ms / 1000.0); }
        catch (JSDisconnectedException) { }
        catch (OperationCanceledException) when (_disposed.IsCancellationRequested) { }
    }

    private async Task SaveAsync(bool replace)
    {
        if (_selection is not { } s || Busy) return;
        (_saving, _error) = (true, null);
        try
        {
            var trim = new ClipTrim(s.StartMs, s.EndMs, replace);
            var clip = await Scopes.WithAsync<ClipService, Clip?>(clips => clips.TrimAsync(ClipId, trim, _disposed.Token));
            if (clip is null)
            {
                _error = "This clip no longer exists; it may have been deleted.";
                return;
            }
            _trimmed = new TrimmedClip(clip, replace);
            // Events that came before the id was known: the row has them.
            if (await Scopes.WithAsync<ClipService, Clip?>(clips => clips.FindAsync(clip.Id, _disposed.Token)) is { } fresh) _trimmed.Apply(fresh);
        }
        catch (RequestValidationException ex)
        {
            _error = ex.Summary;
        }
        catch (ConflictException ex)
        {
            _error = ex.Message;
        }
        catch (Exception ex) when (UserFacingErrors.Describe(ex) is { } message)
        {
            _error = message;
        }
        finally
        {
            _saving = false;
        }
    }

    // On the circuit's dispatcher: the trimmed clip is the render's too.
    private Task OnStatusChangedAsync(ClipStatusChanged change) => InvokeAsync(() =>
    {
        if (_trimmed?.Id == change.ClipId && _trimmed.Apply(change)) StateHasChanged();
    });

    private static string Name(TrimHandle handle) => handle == TrimHandle.Start ? "start" : "end";

    private static string Seconds(int ms) => (ms / 1000.0).ToString("0.000", CultureInfo.InvariantCulture);

    private static string Css(FormattableString style) => style.ToString(CultureInfo.InvariantCulture);

    public async ValueTask DisposeAsync()
    {
        _subscription?.Dispose();
        _disposed.Cancel();
        try
        {
            if (_attached is not null) await _attached.InvokeVoidAsync("dispose");
            if (_attached is not null) await _attached.DisposeAsync();
            if (_module is not null) await _module.DisposeAsync();
        }
        catch (JSDisconnectedException) { }
        _self?.Dispose();
    }
}
