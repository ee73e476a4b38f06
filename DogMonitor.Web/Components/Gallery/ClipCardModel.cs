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

    /// <summary>Only a ready clip has something to download, so only it can be selected for a zip.</summary>
    public bool CanSelect => Status == ClipStatus.Ready;

    public bool IsFinished => Status is ClipStatus.Ready or ClipStatus.Failed;

    public string Describe(BrowserTime time) => $"Clip from {CameraName} at {time.Format(Clip.Timestamp)}, {Duration}";

    public string Duration => TimeSpan.FromMilliseconds(Clip.DurationMs) is var d && d.TotalHours >= 1
        ? d.ToString(@"h\:mm\:ss", System.Globalization.CultureInfo.InvariantCulture)
        : d.ToString(@"m\:ss", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>When the state shown was true: events older than it are stale news (they can overtake each other).</summary>
    public DateTime StateAt { get; private set; } = clip.UpdatedAt;

    /// <summary>Takes an event in; false when it is older than what the card shows.</summary>
    public bool Apply(ClipStatusChanged change)
    {
        if (change.At < StateAt) return false;
        // A clip the sweeper requeued after its worker died starts again from nothing: take the event as it is.
        (Status, Progress, Error, StateAt) = (change.Status, change.Progress, change.Error, change.At);
        return true;
    }

    /// <summary>Takes the row's state, as read again from the database, unless an event already told newer news.</summary>
    public void Apply(Clip fresh)
    {
        if (fresh.UpdatedAt < StateAt) return;
        (Status, Progress, Error, StateAt) = (fresh.Status, fresh.Progress, fresh.Error, fresh.UpdatedAt);
    }
}
