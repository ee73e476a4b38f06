namespace DogMonitor.Domain.Recording;

/// <summary>
/// Segments held for one cut, in playing order. <see cref="StartOffset"/> is where the asked range starts,
/// measured from the start of the first segment. Disposing releases the hold.
/// </summary>
public sealed class BufferReservation(IReadOnlyList<SegmentFile> files, IReadOnlyList<RecordedSegment> segments, TimeSpan startOffset, Func<ValueTask> release) : IAsyncDisposable
{
    /// <summary>The held segment files (with their initialisation segments), in order.</summary>
    public IReadOnlyList<SegmentFile> Files { get; } = files;

    public IReadOnlyList<RecordedSegment> Segments { get; } = segments;

    public TimeSpan StartOffset { get; } = startOffset;

    public ValueTask DisposeAsync() => release();
}
