namespace DogMonitor.Domain.Recording;

/// <summary>
/// A camera's buffer seen as time, for the live page's timeline and for API clients: the spans recorded without a
/// break, and any window of the recording as a finished HLS playlist that plays it back with its wall-clock times.
/// </summary>
public static class BufferTimeline
{
    /// <summary>The longest window one playback playlist covers (about 10,800 two-second segments).</summary>
    public static readonly TimeSpan MaxWindow = TimeSpan.FromHours(6);

    /// <summary>The span the buffer holds, first frame to last; null when it holds nothing.</summary>
    public static BufferSpan? Held(IReadOnlyList<RecordedSegment> buffer) =>
        buffer.Count == 0 ? null : new BufferSpan(buffer[0].Start, buffer[^1].End);

    /// <summary>
    /// The spans the buffer holds without a break, oldest first. A hole no longer than a segment (a quick recorder
    /// restart, rounding) does not break a span, as it does not break a clip (<see cref="SegmentSelection"/>).
    /// </summary>
    public static IReadOnlyList<BufferSpan> RecordedSpans(IReadOnlyList<RecordedSegment> buffer)
    {
        if (buffer.Count == 0) return [];
        var spans = new List<BufferSpan>();
        var start = buffer[0].Start;
        foreach (var hole in SegmentSelection.Holes(buffer))
        {
            spans.Add(new BufferSpan(start, hole.First));
            start = hole.Last;
        }
        spans.Add(new BufferSpan(start, buffer[^1].End));
        return spans;
    }

    /// <summary>The recorded spans that overlap [<paramref name="from"/>, <paramref name="to"/>), cut to it.</summary>
    public static IReadOnlyList<BufferSpan> RecordedSpans(IReadOnlyList<RecordedSegment> buffer, DateTime from, DateTime to)
    {
        (from, to) = (UtcTime.AsUtc(from), UtcTime.AsUtc(to));
        return RecordedSpans(buffer)
            .Where(span => span.Last > from && span.First < to)
            .Select(span => new BufferSpan(span.First > from ? span.First : from, span.Last < to ? span.Last : to))
            .ToList();
    }

    /// <summary>
    /// The segments overlapping [<paramref name="from"/>, <paramref name="to"/>) as a finished playlist (each with its
    /// program date-time, a discontinuity where the recording restarted), or null when none does.
    /// </summary>
    /// <exception cref="ArgumentException">The window is empty or longer than <see cref="MaxWindow"/>.</exception>
    public static HlsMediaPlaylist? Window(IReadOnlyList<RecordedSegment> buffer, DateTime from, DateTime to)
    {
        (from, to) = (UtcTime.AsUtc(from), UtcTime.AsUtc(to));
        if (to <= from) throw new ArgumentException($"The window must end after it starts; it runs from {from:O} to {to:O}.", nameof(to));
        if (to - from > MaxWindow) throw new ArgumentException($"A window is at most {MaxWindow.TotalHours:0} hours long.", nameof(to));
        var segments = buffer.Where(s => s.End > from && s.Start < to).ToList();
        if (segments.Count == 0) return null;
        // The window's own first segment starts the playback; a restart before it is no break in what plays.
        segments[0] = segments[0] with { DiscontinuityBefore = false };
        return new HlsMediaPlaylist(segments, Ended: true);
    }
}
