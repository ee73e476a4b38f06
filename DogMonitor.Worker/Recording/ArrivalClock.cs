using DogMonitor.Domain.Recording;

namespace DogMonitor.Worker.Recording;

/// <summary>
/// For a camera: dates a run from when its frames reached ffmpeg. ffmpeg reports, twice a second, how far into the
/// recording it has written (<c>-progress</c>'s <c>out_time</c>); at that moment the frame at that point has just
/// arrived, so "now − out_time" is when the recording's time 0 arrived. Delays only ever make that later, so the
/// earliest value seen is the best. The run's first segment starts at its first key frame, which is not time 0 when
/// the camera's stream did not start on one (ffmpeg drops what comes before it, keeping the times):
/// <see cref="FirstFrame"/> says where it is. A camera's own latency (encoding, network) is before ffmpeg and cannot be seen.
/// </summary>
/// <remarks>
/// ffmpeg's out_time follows decoding order. With B-frames a picture is decoded after the ones it refers to, later than
/// shown, by as many frames as the stream reorders; <paramref name="reorderDelay"/> takes that back (measured on a
/// 25 fps camera with 2 B-frames: the buffer's dates were 3.7 frames late without it).
/// </remarks>
internal sealed class ArrivalClock(TimeSpan reorderDelay = default) : IRunDating
{
    private long _earliestTicks = long.MaxValue;

    /// <summary>When the recording's time 0 reached ffmpeg, or null before the first report.</summary>
    public DateTime? Epoch => Interlocked.Read(ref _earliestTicks) is var ticks && ticks != long.MaxValue ? new DateTime(ticks, DateTimeKind.Utc) : null;

    /// <summary>Where the run's first segment's first frame is in the recording's time (its presentation time); null until measured.</summary>
    public TimeSpan? FirstFrame { get; set; }

    /// <summary>Takes one report: at <paramref name="now"/>, ffmpeg had written <paramref name="outTime"/> of the recording.</summary>
    public void Observe(DateTime now, TimeSpan outTime)
    {
        if (outTime <= TimeSpan.Zero) return; // nothing written yet
        var ticks = (now - outTime).Ticks;
        long seen;
        while (ticks < (seen = Interlocked.Read(ref _earliestTicks)) && Interlocked.CompareExchange(ref _earliestTicks, ticks, seen) != seen)
        {
        }
    }

    /// <summary>ffmpeg dates segment n from its first plus the segments' durations; the first starts at <see cref="FirstFrame"/>.</summary>
    public TimeSpan? ShiftFor(RecordedSegment segment, long sequence) =>
        sequence == 0 && Epoch is { } epoch ? epoch - reorderDelay + (FirstFrame ?? TimeSpan.Zero) - segment.Start : null;
}
