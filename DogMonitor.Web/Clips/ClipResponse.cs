using DogMonitor.Domain.Clips;
using DogMonitor.Web.Media;

namespace DogMonitor.Web.Clips;

/// <summary>
/// A clip as the API returns it. <c>duration_ms</c> is what was produced once ready (what was asked before);
/// media URLs appear when ready and are short-lived. <c>gaps</c> lists the parts of the asked range the camera did not
/// record (it was off or unreachable), which the video skips: its recorded parts play one after the other.
/// <c>preview_sprite_url</c> is a strip of small frames side by side (<see cref="ClipRules.SpriteFrames"/> of them) for
/// scrubbing; <c>source_clip_id</c> names the clip a trimmed clip was cut from, and <c>replaces_source</c> whether it
/// takes that clip's place once ready.
/// </summary>
public sealed record ClipResponse(
    Guid Id,
    string CameraId,
    DateTime StartTs,
    int DurationMs,
    int RequestedDurationMs,
    ClipMode Mode,
    IReadOnlyList<string> Labels,
    string? Note,
    ClipStatus Status,
    int Progress,
    string? Error,
    string? VideoUrl,
    string? PreviewUrl,
    string? PreviewSpriteUrl,
    double? FramesPerSecond,
    Guid? SourceClipId,
    bool ReplacesSource,
    long? SizeBytes,
    int? Width,
    int? Height,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    IReadOnlyList<ClipGap> Gaps)
{
    public static async Task<ClipResponse> FromAsync(Clip clip, MediaLinks links, CancellationToken cancellationToken)
    {
        var ready = clip.Status == ClipStatus.Ready && clip.VideoKey is not null && clip.PreviewKey is not null;
        return new ClipResponse(
            clip.Id, clip.CameraId, clip.Timestamp,
            ready ? clip.ProducedDurationMs ?? clip.DurationMs : clip.DurationMs, clip.DurationMs,
            clip.Mode, clip.Labels, clip.Note, clip.Status, clip.Progress, clip.Error,
            ready ? await links.UrlOfAsync(clip.VideoKey!, cancellationToken) : null,
            ready ? await links.UrlOfAsync(clip.PreviewKey!, cancellationToken) : null,
            ready && clip.PreviewSpriteKey is { } sprite ? await links.UrlOfAsync(sprite, cancellationToken) : null,
            clip.FramesPerSecond, clip.SourceClipId, clip.ReplacesSource,
            clip.SizeBytes, clip.Width, clip.Height, clip.CreatedAt, clip.UpdatedAt,
            [.. clip.Gaps.Select(gap => new ClipGap(gap.First, gap.Last))]);
    }
}
