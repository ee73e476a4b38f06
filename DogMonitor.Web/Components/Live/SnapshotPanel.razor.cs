using System.Globalization;
using DogMonitor.Domain.Snapshots;
using DogMonitor.Web.Media;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace DogMonitor.Web.Components.Live;

/// <summary>
/// The Snapshot button: the frame on screen (or, with the switch on, the full-resolution frame from the recording at
/// the playing time), stamped with that frame's wall-clock time, confirmed with a thumbnail that opens it in the gallery.
/// </summary>
public sealed partial class SnapshotPanel
{
    private bool _fullResolution;
    private TakenSnapshot? _last;

    /// <summary>The page's player, camera, labels and note.</summary>
    [Parameter, EditorRequired] public LiveSession Session { get; set; } = null!;

    [Inject] private SnapshotService Snapshots { get; set; } = null!;
    [Inject] private MediaLinks Links { get; set; } = null!;
    [Inject] private ISnackbar Snackbar { get; set; } = null!;

    /// <summary>Takes a snapshot now; the page calls this for the "s" shortcut too.</summary>
    public Task TakeAsync() => Session.RunAsync(async cancellationToken =>
    {
        string? frameData = null;
        string? timestamp = null;
        if (!_fullResolution)
        {
            if (await Session.CaptureAsync(cancellationToken) is not { } frame)
            {
                Snackbar.Add("There is no picture to take yet: wait until the video plays.", Severity.Warning);
                return;
            }
            (frameData, timestamp) = frame;
        }
        timestamp ??= (await Session.PlayingTimeAsync(cancellationToken)).ToString("O", CultureInfo.InvariantCulture);
        var snapshot = await Snapshots.CreateAsync(
            new NewSnapshot(timestamp, [.. Session.Labels], Session.Note, frameData, Session.CameraId), cancellationToken);
        var thumbnail = await Links.UrlOfAsync(snapshot.ThumbnailKey, cancellationToken);
        _last = new TakenSnapshot(snapshot.Id, thumbnail, snapshot.Timestamp, snapshot.Width, snapshot.Height);
        Snackbar.Add(string.Create(CultureInfo.CurrentCulture, $"Snapshot saved ({snapshot.Width} × {snapshot.Height})."), Severity.Success);
    });

    private sealed record TakenSnapshot(Guid Id, string ThumbnailUrl, DateTime Timestamp, int Width, int Height)
    {
        /// <summary>The gallery opens its viewer on the item named by <c>open</c>.</summary>
        public string GalleryUrl => $"gallery?tab=snapshots&open={Id}";
    }
}
