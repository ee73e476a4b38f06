using DogMonitor.Domain.Activity;
using DogMonitor.Domain.Clips;
using Microsoft.Extensions.Options;

namespace DogMonitor.Domain.Moments;

/// <summary>
/// Keeps a period of activity the recorder noticed as a moment and queues its clip (pre-roll to post-roll, exact), in one
/// transaction, for the same workers that cut everyone's clips.
/// </summary>
public sealed class MomentRecorder(ClipQueue queue, IOptions<ClipOptions> options, TimeProvider clock)
{
    public async Task<Moment> RecordAsync(string cameraId, ActivityPeriod period, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var length = period.ClipEnd - period.ClipStart;
        if (length > options.Value.MaxDuration) length = options.Value.MaxDuration;
        var clip = new Clip
        {
            Id = Guid.CreateVersion7(clock.GetUtcNow()),
            OwnerId = MomentClips.Owner,
            CameraId = cameraId,
            Timestamp = period.ClipStart,
            DurationMs = (int)length.TotalMilliseconds,
            Mode = ClipMode.Exact,
            Labels = [.. ActivityKindNames.Of(period.Kinds)],
            Status = ClipStatus.Queued,
            CreatedAt = now,
            UpdatedAt = now,
        };
        var moment = new Moment
        {
            Id = Guid.CreateVersion7(clock.GetUtcNow()),
            CameraId = cameraId,
            StartedAt = period.Start,
            EndedAt = period.End,
            Kinds = period.Kinds,
            PeakMotion = period.PeakMotion,
            PeakSoundDbfs = period.PeakSoundDbfs,
            ContinuousSound = period.ContinuousSound,
            ClipId = clip.Id,
            CreatedAt = now,
        };
        await queue.QueueAsync(clip, now, cancellationToken, moment);
        return moment;
    }
}
