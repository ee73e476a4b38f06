namespace DogMonitor.Domain.Recording;

/// <summary>
/// Segments held for one cut, in playing order. <see cref="StartOffset"/> is where the asked range starts,
/// measured from the start of the first segment. Disposing releases the hold.
/// </summary>
public sealed class BufferReservation(
    IReadOnlyList<SegmentFile> files, IReadOnlyList<RecordedSegment> segments, TimeSpan startOffset, IReadOnlyList<BufferSpan> gaps, Func<ValueTask> release)
    : IAsyncDisposable
{
    /// <summary>The held segment files (with their initialisation segments), in order.</summary>
    public IReadOnlyList<SegmentFile> Files { get; } = files;

    public IReadOnlyList<RecordedSegment> Segments { get; } = segments;

    public TimeSpan StartOffset { get; } = startOffset;

    /// <summary>The parts of the asked range the buffer does not hold (<see cref="SegmentSelection.Gaps"/>).</summary>
    public IReadOnlyList<BufferSpan> Gaps { get; } = gaps;

    /// <summary>How much of a range <paramref name="length"/> long the held segments play: the range less its gaps.</summary>
    public TimeSpan Recorded(TimeSpan length) => SegmentSelection.Recorded(Gaps, length);

    public ValueTask DisposeAsync() => release();
}
