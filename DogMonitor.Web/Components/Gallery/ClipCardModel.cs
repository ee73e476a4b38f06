using DogMonitor.Domain.Clips;
using DogMonitor.Web.Clips;
using DogMonitor.Web.Components.Shared;

namespace DogMonitor.Web.Components.Gallery;

/// <summary>
/// A clip as a gallery card shows it: status events from the workers change it in place (see <see cref="ClipView"/>).
/// </summary>
public sealed class ClipCardModel(Clip clip, string cameraName) : ClipView(clip)
{
    public Clip Clip { get; } = clip;
    public string CameraName { get; } = cameraName;

    /// <summary>Only a ready clip has something to download, so only it can be selected for a zip.</summary>
    public bool CanSelect => Status == ClipStatus.Ready;

    public string Describe(BrowserTime time) => $"Clip from {CameraName} at {time.Format(Clip.Timestamp)}, {Duration}";

    public string Duration => TimeSpan.FromMilliseconds(Clip.DurationMs) is var d && d.TotalHours >= 1
        ? d.ToString(@"h\:mm\:ss", System.Globalization.CultureInfo.InvariantCulture)
        : d.ToString(@"m\:ss", System.Globalization.CultureInfo.InvariantCulture);
}
