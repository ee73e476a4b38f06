using DogMonitor.Domain.Clips;

namespace DogMonitor.Web.Components.Shared;

/// <summary>A clip asked for on this page, as the "Recent clips" list shows it.</summary>
public sealed class RecentClip(Clip clip, string title)
{
    public Guid Id { get; } = clip.Id;
    public string Title { get; } = title;
    public DateTime Start { get; } = clip.Timestamp;
    public ClipStatus Status { get; set; } = clip.Status;
    public int Progress { get; set; } = clip.Progress;
    public string? Error { get; set; } = clip.Error;
    public string? VideoUrl { get; set; }
    public string? PreviewUrl { get; set; }

    public bool IsFinished => Status is ClipStatus.Ready or ClipStatus.Failed;

    /// <summary>The gallery opens its viewer on the item named by <c>open</c>.</summary>
    public string GalleryUrl => $"gallery?tab=clips&open={Id}";
}
