namespace DogMonitor.Domain.Recording;

/// <summary>
/// Segments held for one cut, in playing order. <see cref="StartOffset"/> is where the asked range starts,
/// measured from the start of the first segment. Disposing releases the hold.
/// </summary>
public sealed class BufferReservation(IReadOnlyList<string> segmentPaths, IReadOnlyList<RecordedSegment> segments, TimeSpan startOffset, Func<ValueTask> release) : IAsyncDisposable
{
    /// <summary>Absolute paths of the held segment files, in order.</summary>
    public IReadOnlyList<string> SegmentPaths { get; } = segmentPaths;

    public IReadOnlyList<RecordedSegment> Segments { get; } = segments;

    public TimeSpan StartOffset { get; } = startOffset;

    public ValueTask DisposeAsync() => release();
}
