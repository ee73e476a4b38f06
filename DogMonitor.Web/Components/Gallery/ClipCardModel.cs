using DogMonitor.Domain.Clips;
using DogMonitor.Domain.Messages;
using DogMonitor.Web.Components.Shared;

namespace DogMonitor.Web.Components.Gallery;

/// <summary>
/// A clip as a gallery card shows it. Mutable: status events from the workers change it in place, and a
/// ready clip gets its preview and video URLs.
/// </summary>
public sealed class ClipCardModel(Clip clip, string cameraName)
{
    public Clip Clip { get; } = clip;
    public Guid Id => Clip.Id;
    public string CameraName { get; } = cameraName;
    public ClipStatus Status { get; private set; } = clip.Status;
    public int Progress { get; private set; } = clip.Progress;
    public string? Error { get; private set; } = clip.Error;
    public string? PreviewUrl { get; set; }
    public string? VideoUrl { get; set; }

    public bool IsFinished => Status is ClipStatus.Ready or ClipStatus.Failed;

    public string Describe(BrowserTime time) => $"Clip from {CameraName} at {time.Format(Clip.Timestamp)}, {Duration}";

    public string Duration => TimeSpan.FromMilliseconds(Clip.DurationMs) is var d && d.TotalHours >= 1
        ? d.ToString(@"h\:mm\:ss", System.Globalization.CultureInfo.InvariantCulture)
        : d.ToString(@"m\:ss", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Takes an event in; false when it is older news than what the card shows (events can overtake each other).</summary>
    public bool Apply(ClipStatusChanged change)
    {
        if (IsFinished) return false;
        if (change.Status == ClipStatus.Queued && Status == ClipStatus.Processing) return false;
        var sameStatus = change.Status == Status;
        Status = change.Status;
        Progress = sameStatus ? Math.Max(Progress, change.Progress) : change.Progress;
        Error = change.Error;
        return true;
    }

    /// <summary>Takes the row's state, as read again from the database.</summary>
    public void Apply(Clip fresh)
    {
        Status = fresh.Status;
        Progress = fresh.Progress;
        Error = fresh.Error;
    }
}
