using DogMonitor.Domain.Activity;
using DogMonitor.Domain.Cameras;
using DogMonitor.Domain.Moments;
using DogMonitor.Web.Clips;
using DogMonitor.Web.Media;

namespace DogMonitor.Web.Moments;

/// <summary>
/// A moment as the API returns it: when activity began and ended (<c>start_ts</c>, <c>end_ts</c>), what noticed it
/// (<c>kinds</c>: motion, sound), how much (<c>peak_motion</c>, the share of the picture that changed at most, 0 to 1;
/// <c>peak_sound_dbfs</c>, the loudest sound), whether the caller has <c>reviewed</c> it, and its <c>clip</c> (the same
/// fields as <c>GET /api/clips/{id}</c>, with pre- and post-roll), cut like any clip.
/// </summary>
public sealed record MomentResponse(
    Guid Id,
    string CameraId,
    string CameraName,
    DateTime StartTs,
    DateTime EndTs,
    int DurationMs,
    IReadOnlyList<string> Kinds,
    double PeakMotion,
    double? PeakSoundDbfs,
    bool ContinuousSound,
    bool Reviewed,
    ClipResponse Clip)
{
    public static async Task<MomentResponse> FromAsync(MomentView view, CameraCatalog cameras, MediaLinks links, CancellationToken cancellationToken)
    {
        var moment = view.Moment;
        return new MomentResponse(
            moment.Id, moment.CameraId, cameras.Find(moment.CameraId)?.Name ?? moment.CameraId,
            moment.StartedAt, moment.EndedAt, (int)(moment.EndedAt - moment.StartedAt).TotalMilliseconds,
            ActivityKindNames.Of(moment.Kinds), Math.Round(moment.PeakMotion, 4), moment.PeakSoundDbfs is { } db ? Math.Round(db, 1) : null,
            moment.ContinuousSound, view.Reviewed, await ClipResponse.FromAsync(view.Clip, links, cancellationToken));
    }
}

/// <summary>One page of moments, newest first; pass <c>next_cursor</c> back as <c>cursor</c> for the next.</summary>
public sealed record MomentPageResponse(IReadOnlyList<MomentResponse> Items, string? NextCursor);
