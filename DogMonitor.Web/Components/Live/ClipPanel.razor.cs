using System.Globalization;
using DogMonitor.Domain.Clips;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace DogMonitor.Web.Components.Live;

/// <summary>
/// The Clip buttons: a range around the playing frame (not the camera's "now", so the clip shows what the user saw),
/// or a custom range. The new clip goes to the page's "Recent clips", which follows it until it is cut.
/// </summary>
public sealed partial class ClipPanel
{
    private static readonly ClipChoice[] Choices =
    [
        new("Last 10 s", "Clip the 10 seconds before the frame on screen", TimeSpan.FromSeconds(-10), TimeSpan.FromSeconds(10)),
        new("Last 30 s", "Clip the 30 seconds before the frame on screen", TimeSpan.FromSeconds(-30), TimeSpan.FromSeconds(30)),
        new("Next 10 s", "Clip the 10 seconds from the frame on screen on", TimeSpan.Zero, TimeSpan.FromSeconds(10)),
    ];

    private bool _customOpen;

    /// <summary>The page's player, camera, labels and note.</summary>
    [Parameter, EditorRequired] public LiveSession Session { get; set; } = null!;

    /// <summary>Called with each clip queued here and the title to show it under.</summary>
    [Parameter] public EventCallback<QueuedClip> OnQueued { get; set; }

    [Inject] private ClipService Clips { get; set; } = null!;
    [Inject] private ISnackbar Snackbar { get; set; } = null!;

    private Task MakeAsync(ClipChoice choice) => Session.RunAsync(async cancellationToken =>
    {
        var playing = await Session.PlayingTimeAsync(cancellationToken);
        var start = (playing + choice.Offset).ToString("O", CultureInfo.InvariantCulture);
        var clip = await Clips.CreateAsync(
            new NewClip(start, (long)choice.Duration.TotalMilliseconds, [.. Session.Labels], Session.Note, Session.CameraId, "exact"),
            cancellationToken);
        Snackbar.Add($"Clip queued: {choice.Title}.", Severity.Info);
        await OnQueued.InvokeAsync(new QueuedClip(clip, choice.Title));
    });

    private void ToggleCustom() => _customOpen = !_customOpen;

    private sealed record ClipChoice(string Title, string Tooltip, TimeSpan Offset, TimeSpan Duration);
}
