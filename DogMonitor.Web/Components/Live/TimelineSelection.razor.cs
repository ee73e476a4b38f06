using System.Globalization;
using DogMonitor.Domain.Clips;
using DogMonitor.Domain.Problems;
using DogMonitor.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;
using MudBlazor;

namespace DogMonitor.Web.Components.Live;

/// <summary>The span chosen on the timeline: its times and length, and "Make a clip of it" (an exact clip, with the page's labels and note).</summary>
public sealed partial class TimelineSelection
{
    private List<string> _errors = [];
    private (DateTime Start, DateTime End) _shown;

    [Parameter, EditorRequired] public LiveSession Session { get; set; } = null!;
    [Parameter, EditorRequired] public DateTime Start { get; set; }
    [Parameter, EditorRequired] public DateTime End { get; set; }
    [Parameter] public EventCallback<QueuedClip> OnQueued { get; set; }
    [Parameter] public EventCallback OnCleared { get; set; }

    [Inject] private ClipService Clips { get; set; } = null!;
    [Inject] private BrowserTime Time { get; set; } = null!;
    [Inject] private ISnackbar Snackbar { get; set; } = null!;
    [Inject] private IOptions<ClipOptions> Options { get; set; } = null!;

    private TimeSpan Length => End - Start;

    private string Text => $"{Time.Format(Start, "T")} to {Time.Format(End, "T")} ({Describe(Length)})";

    private static string Describe(TimeSpan length)
    {
        var seconds = length.TotalSeconds - 60 * (int)length.TotalMinutes;
        return length.TotalMinutes >= 1
            ? string.Create(CultureInfo.CurrentCulture, $"{(int)length.TotalMinutes} min{(seconds >= 0.05 ? string.Create(CultureInfo.CurrentCulture, $" {seconds:0.#} s") : "")}")
            : string.Create(CultureInfo.CurrentCulture, $"{length.TotalSeconds:0.##} s");
    }

    // A refusal stays until another span is chosen: the page re-renders when the action ends, with the same span.
    protected override void OnParametersSet()
    {
        if (_shown == (Start, End)) return;
        (_shown, _errors) = ((Start, End), []);
    }

    /// <summary>The clip's length as asked for: whole milliseconds.</summary>
    private long LengthMs => (long)Math.Round(Length.TotalMilliseconds);

    /// <summary>
    /// Why no clip can be made of the span, in a person's words (the API's own sentences name its fields); the limits are
    /// <see cref="ClipRules.MinDurationMs"/> and <see cref="ClipOptions.MaxDuration"/>, checked on the length asked for.
    /// </summary>
    private string? Refusal()
    {
        var (shortest, longest) = (ClipRules.MinDurationMs, (long)Options.Value.MaxDuration.TotalMilliseconds);
        var length = TimeSpan.FromMilliseconds(LengthMs);
        if (LengthMs <= 0) return "The span ends before it starts: choose its end after its start.";
        if (LengthMs < shortest) return $"A clip is at least {Describe(TimeSpan.FromMilliseconds(shortest))} long and this span is {Describe(length)}: choose a longer one.";
        if (LengthMs > longest) return $"A clip is at most {Describe(TimeSpan.FromMilliseconds(longest))} long and this span is {Describe(length)}: choose a shorter one, or make several clips.";
        return null;
    }

    private Task MakeClipAsync() => Session.RunAsync(async cancellationToken =>
    {
        if (Refusal() is { } refusal)
        {
            _errors = [refusal];
            return;
        }
        try
        {
            var clip = await Clips.CreateAsync(new NewClip(
                Start.ToString("O", CultureInfo.InvariantCulture), LengthMs,
                [.. Session.Labels], Session.Note, Session.CameraId, "exact"), cancellationToken);
            var title = $"From the timeline, {Describe(Length)}";
            Snackbar.Add($"Clip queued: {title}.", Severity.Info);
            await OnQueued.InvokeAsync(new QueuedClip(clip, title));
            await OnCleared.InvokeAsync();
        }
        catch (RequestValidationException ex)
        {
            _errors = [.. ex.Messages];
        }
    });
}
