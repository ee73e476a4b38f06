using System.Globalization;
using System.Text.Json;
using DogMonitor.Domain.Problems;
using DogMonitor.Domain.Recording;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using MudBlazor;

namespace DogMonitor.Web.Components.Live;

/// <summary>
/// What the live page's panels share: the player (wwwroot/js/live.js) and its video element, the camera, the labels
/// and note the user chose, and the one-action-at-a-time rule (the circuit's services share one DbContext).
/// </summary>
public sealed class LiveSession(ISnackbar snackbar, TimeProvider clock, CancellationToken pageClosed)
{
    private const long MaxCaptureBytes = 32 * 1024 * 1024; // a 4K JPEG is a few MB; the service applies its own limit

    public IJSObjectReference? Module { get; set; }
    public ElementReference Video { get; set; }
    public string CameraId { get; set; } = "";
    public double? DelaySeconds { get; set; }
    public IReadOnlyCollection<string> Labels { get; set; } = [];
    public string? Note { get; set; }
    public bool Busy { get; private set; }
    public bool Ready => Module is not null && !Busy;

    /// <summary>Raised when <see cref="Busy"/> changes, so the page re-renders every panel's buttons.</summary>
    public event Action? Changed;

    // The circuit's services share one DbContext: an action and a background read (the timeline's) take turns.
    private readonly SemaphoreSlim _services = new(1, 1);

    /// <summary>
    /// Reads through the circuit's services without taking the buttons away (the timeline refreshing itself): waits for
    /// a running action, and an action waits for it.
    /// </summary>
    public async Task<T> ReadAsync<T>(Func<CancellationToken, Task<T>> read)
    {
        await _services.WaitAsync(pageClosed);
        try
        {
            return await read(pageClosed);
        }
        finally
        {
            _services.Release();
        }
    }

    /// <summary>The frame on screen as a JPEG data URL and its wall-clock time (null when unknown); null when nothing plays yet.</summary>
    public async Task<(string FrameData, string? Timestamp)?> CaptureAsync(CancellationToken cancellationToken)
    {
        var module = Module!;
        var frame = await module.InvokeAsync<JsonElement>("capture", cancellationToken, Video);
        if (frame.ValueKind != JsonValueKind.Object) return null;
        var timestamp = frame.TryGetProperty("timestamp", out var at) && at.ValueKind == JsonValueKind.String ? at.GetString() : null;
        var image = await module.InvokeAsync<IJSStreamReference>("takeCapture", cancellationToken, Video);
        await using (image)
        {
            await using var stream = await image.OpenReadStreamAsync(MaxCaptureBytes, cancellationToken);
            using var bytes = new MemoryStream();
            await stream.CopyToAsync(bytes, cancellationToken);
            return ("data:image/jpeg;base64," + Convert.ToBase64String(bytes.GetBuffer(), 0, (int)bytes.Length), timestamp);
        }
    }

    /// <summary>
    /// The playing frame's wall-clock time. live.js already estimates it when the stream has no program date time;
    /// when even that fails (no player yet), now minus the last measured delay.
    /// </summary>
    public async Task<DateTimeOffset> PlayingTimeAsync(CancellationToken cancellationToken)
    {
        if (Module is not null && await Module.InvokeAsync<string?>("playingDate", cancellationToken, Video) is { } playing)
            return DateTimeOffset.Parse(playing, CultureInfo.InvariantCulture);
        return clock.GetUtcNow() - TimeSpan.FromSeconds(DelaySeconds ?? 0);
    }

    /// <summary>
    /// Runs one user action at a time and turns the domain's refusals into a snackbar: a rule broken, a dependency
    /// down or a moment the buffer does not hold never ends the circuit.
    /// </summary>
    public async Task RunAsync(Func<CancellationToken, Task> action)
    {
        if (!Ready) return;
        SetBusy(true);
        var turn = false;
        try
        {
            await _services.WaitAsync(pageClosed);
            turn = true;
            await action(pageClosed);
        }
        catch (RequestValidationException ex)
        {
            snackbar.Add(ex.Summary, Severity.Error);
        }
        catch (Exception ex) when (ex is MediaRejectedException or DependencyUnavailableException or RangeNotCoveredException)
        {
            snackbar.Add(ex.Message, Severity.Error);
        }
        catch (JSException ex)
        {
            snackbar.Add($"The browser could not take the picture: {ex.Message}", Severity.Error);
        }
        catch (Exception ex) when (ex is OperationCanceledException or JSDisconnectedException && pageClosed.IsCancellationRequested)
        {
            // The page is closing.
        }
        finally
        {
            if (turn) _services.Release();
            SetBusy(false);
        }
    }

    private void SetBusy(bool busy)
    {
        Busy = busy;
        if (!pageClosed.IsCancellationRequested) Changed?.Invoke();
    }
}
