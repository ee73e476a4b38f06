using System.Globalization;
using DogMonitor.Domain.Clips;
using DogMonitor.Domain.Problems;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;
using MudBlazor;

namespace DogMonitor.Web.Components.Live;

/// <summary>
/// A clip of any range: a start in the browser's local time (converted by live.js, which knows the browser's time
/// zone and its daylight saving) and a duration. The service's validation messages are shown here, beside the fields.
/// </summary>
public sealed partial class CustomClipForm
{
    private static readonly Dictionary<string, object?> StepOneSecond = new() { ["step"] = "1" };
    private static readonly TimeSpan DefaultLookBack = TimeSpan.FromSeconds(20);

    private string? _start;
    private double? _durationSeconds = 10;
    private List<string> _errors = [];

    /// <summary>The page's player, camera, labels and note.</summary>
    [Parameter, EditorRequired] public LiveSession Session { get; set; } = null!;

    /// <summary>Called with each clip queued here.</summary>
    [Parameter] public EventCallback<QueuedClip> OnQueued { get; set; }

    /// <summary>Called when the user closes the form.</summary>
    [Parameter] public EventCallback OnClose { get; set; }

    [Inject] private ClipService Clips { get; set; } = null!;
    [Inject] private IOptions<ClipOptions> Options { get; set; } = null!;
    [Inject] private ISnackbar Snackbar { get; set; } = null!;

    private string DurationHelp => string.Create(CultureInfo.InvariantCulture, $"1 to {Options.Value.MaxDuration.TotalSeconds:0} s");

    protected override async Task OnInitializedAsync()
    {
        // Start where the user probably wants to look: a little before the frame on screen.
        if (Session.Module is null) return;
        var playing = await Session.PlayingTimeAsync(CancellationToken.None);
        var start = (playing - DefaultLookBack).ToString("O", CultureInfo.InvariantCulture);
        _start = await Session.Module.InvokeAsync<string?>("toLocalInput", CancellationToken.None, [start]);
    }

    private Task SubmitAsync() => Session.RunAsync(async cancellationToken =>
    {
        // A start the browser cannot read goes to the service as typed, so its message says what is wrong with it.
        var start = string.IsNullOrWhiteSpace(_start)
            ? _start
            : await Session.Module!.InvokeAsync<string?>("fromLocalInput", cancellationToken, [_start]) ?? _start;
        var durationMs = _durationSeconds is { } seconds ? (long)Math.Round(seconds * 1000) : (long?)null;
        try
        {
            var clip = await Clips.CreateAsync(
                new NewClip(start, durationMs, [.. Session.Labels], Session.Note, Session.CameraId, "exact"), cancellationToken);
            _errors = [];
            var title = string.Create(CultureInfo.CurrentCulture, $"Custom {clip.DurationMs / 1000.0:0.#} s");
            Snackbar.Add($"Clip queued: {title}.", Severity.Info);
            await OnQueued.InvokeAsync(new QueuedClip(clip, title));
        }
        catch (RequestValidationException ex)
        {
            _errors = [.. ex.Messages];
        }
    });
}
