using DogMonitor.Domain.Recording;

namespace DogMonitor.Worker.Recording;

/// <summary>
/// For a source the recorder makes itself (the synthetic camera): when the run's first frame was made and the exact
/// length of each of its segments, so segment n starts at epoch + n × length, as its burnt-in clock shows.
/// </summary>
internal sealed record RunClock(DateTime Epoch, TimeSpan SegmentLength) : IRunDating
{
    public TimeSpan? ShiftFor(RecordedSegment segment, long sequence) => Epoch + SegmentLength * sequence - segment.Start;
}
