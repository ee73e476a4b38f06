using DogMonitor.Domain.Clips;
using DogMonitor.Web.Clips;

namespace DogMonitor.Web.Components.Shared;

/// <summary>A clip asked for on this page, as the "Recent clips" list shows it.</summary>
public sealed class RecentClip(Clip clip, string title) : ClipView(clip)
{
    public string Title { get; } = title;
    public DateTime Start { get; } = clip.Timestamp;

    /// <summary>The gallery opens its viewer on the item named by <c>open</c>.</summary>
    public string GalleryUrl => $"gallery?tab=clips&open={Id}";
}
