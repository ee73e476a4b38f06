namespace DogMonitor.Domain.Recording;

/// <summary>Time limits derived from the segment length, shared by the recorder and the buffer's readers.</summary>
public static class RecordingTimings
{
    /// <summary>
    /// A camera is online while a segment arrived within this long (3 segments + 5 s); past it the recorder
    /// counts ffmpeg as stalled and restarts it. Segments show up about one segment after their start, and
    /// cameras take a few seconds to connect, hence the slack.
    /// </summary>
    public static TimeSpan OnlineWindow(RecordingOptions options) => TimeSpan.FromSeconds(3 * options.SegmentSeconds + 5);

    /// <summary>How long after a range's end a reservation keeps waiting for the segment covering it (2 segments + 5 s).</summary>
    public static TimeSpan ReserveGrace(RecordingOptions options) => TimeSpan.FromSeconds(2 * options.SegmentSeconds + 5);
}
