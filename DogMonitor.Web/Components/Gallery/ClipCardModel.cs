using DogMonitor.Domain.Clips;
using DogMonitor.Domain.Recording;
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

    /// <summary>What a clip across a time the camera was down skips, in the viewer's time; null when it skips nothing.</summary>
    public static string? GapsText(IReadOnlyList<BufferSpan> gaps, BrowserTime time)
    {
        if (gaps.Count == 0) return null;
        var parts = gaps.Select(gap => string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"from {time.Format(gap.First, "T")} to {time.Format(gap.Last, "T")} ({Math.Round((gap.Last - gap.First).TotalSeconds):0} s)"));
        return $"The camera was not recording {string.Join(" and ", parts)}; this clip skips {(gaps.Count == 1 ? "that part" : "those parts")} and plays what was recorded either side.";
    }

    public string Duration => TimeSpan.FromMilliseconds(Clip.DurationMs) is var d && d.TotalHours >= 1
        ? d.ToString(@"h\:mm\:ss", System.Globalization.CultureInfo.InvariantCulture)
        : d.ToString(@"m\:ss", System.Globalization.CultureInfo.InvariantCulture);
}
