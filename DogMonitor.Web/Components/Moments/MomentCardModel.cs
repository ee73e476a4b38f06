using DogMonitor.Domain.Activity;
using DogMonitor.Domain.Cameras;
using DogMonitor.Domain.Clips;
using DogMonitor.Domain.Moments;
using DogMonitor.Web.Components.Shared;
using DogMonitor.Web.Media;

namespace DogMonitor.Web.Components.Moments;

/// <summary>A moment as its card and its dialog show it: what was noticed, when, where, its clip's pictures and state.</summary>
public sealed record MomentCardModel(MomentView View, string CameraName, string? PreviewUrl, string? SpriteUrl, string? VideoUrl)
{
    public Moment Moment => View.Moment;
    public Clip Clip => View.Clip;
    public Guid Id => Moment.Id;
    public bool Reviewed => View.Reviewed;
    public bool Motion => Moment.Kinds.HasFlag(ActivityKinds.Motion);
    public bool Sound => Moment.Kinds.HasFlag(ActivityKinds.Sound);

    /// <summary>"Motion and sound", "Motion", "Sound".</summary>
    public string What => MomentWords.What(Moment);

    /// <summary>How long the activity lasted, as people say it: "4 s", "1 min 12 s".</summary>
    public string Length => MomentWords.Length(Moment);

    public string Describe(BrowserTime time) => $"{What} on {CameraName} at {time.Format(Moment.StartedAt, "T")}, {Length}";

    /// <summary>Its clip's pictures, signed afresh.</summary>
    public static async Task<MomentCardModel> FromAsync(MomentView view, VisibleCameras cameras, MediaLinks links, CancellationToken cancellationToken)
    {
        var clip = view.Clip;
        var ready = clip.Status == ClipStatus.Ready;
        return new MomentCardModel(view, cameras.Find(view.Moment.CameraId)?.Name ?? view.Moment.CameraId,
            ready && clip.PreviewKey is { } preview ? await links.UrlOfAsync(preview, cancellationToken) : null,
            ready && clip.PreviewSpriteKey is { } sprite ? await links.UrlOfAsync(sprite, cancellationToken) : null,
            ready && clip.VideoKey is { } video ? await links.UrlOfAsync(video, cancellationToken) : null);
    }
}
