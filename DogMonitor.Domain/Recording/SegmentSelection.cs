namespace DogMonitor.Domain.Recording;

/// <summary>Which buffer segments a wall-clock range [start, end) needs, or why the buffer cannot give it.</summary>
/// <param name="Outcome">Whether the range is covered, not recorded yet, or not covered.</param>
/// <param name="Segments">When covered, the segments overlapping the range, in order; otherwise empty.</param>
/// <param name="StartOffset">When covered, where the range starts, measured from the start of the first segment.</param>
/// <param name="Problem">When not covered (or not yet), a sentence naming what the buffer holds and what was asked.</param>
/// <param name="Gaps">
/// When covered, the parts of the range the buffer does not hold (the camera or its recorder was down), in order; a
/// clip of the range plays the recorded parts one after the other and says what it skips.
/// </param>
public sealed record SegmentSelection(SegmentSelectionOutcome Outcome, IReadOnlyList<RecordedSegment> Segments, TimeSpan StartOffset, string? Problem, IReadOnlyList<BufferSpan> Gaps)
{
    /// <summary>How much of the range the selected segments hold: the range less its gaps.</summary>
    public TimeSpan Recorded(DateTime start, DateTime end) => Recorded(Gaps, UtcTime.AsUtc(end) - UtcTime.AsUtc(start));

    /// <summary>How much of a range <paramref name="length"/> long with <paramref name="gaps"/> in it is recorded.</summary>
    public static TimeSpan Recorded(IReadOnlyList<BufferSpan> gaps, TimeSpan length) =>
        length - gaps.Aggregate(TimeSpan.Zero, (sum, gap) => sum + (gap.Last - gap.First));

    public static SegmentSelection Select(string cameraId, IReadOnlyList<RecordedSegment> buffer, DateTime start, DateTime end)
    {
        start = UtcTime.AsUtc(start);
        end = UtcTime.AsUtc(end);
        if (end <= start) throw new ArgumentException($"The range must end after it starts; it runs from {start:O} to {end:O}.", nameof(end));
        var asked = new BufferSpan(start, end);

        if (buffer.Count == 0)
            return Fail(SegmentSelectionOutcome.NotYetRecorded, $"The buffer of camera '{cameraId}' holds nothing yet; {asked} was asked for.");

        var held = new BufferSpan(buffer[0].Start, buffer[^1].End);
        var heldSentence = $"The buffer of camera '{cameraId}' holds {held}; {asked} was asked for.";
        if (start < held.First) return Fail(SegmentSelectionOutcome.NotCovered, heldSentence);

        if (end > held.Last) return Fail(SegmentSelectionOutcome.NotYetRecorded, heldSentence);

        var holes = Holes(buffer).ToList();
        var gaps = holes
            .Select(hole => new BufferSpan(Later(hole.First, start), Earlier(hole.Last, end)))
            .Where(gap => gap.Last > gap.First)
            .ToList();
        var segments = buffer.Where(s => s.End > start && s.Start < end).ToList();
        if (segments.Count == 0 && gaps.Count == 0) segments.Add(buffer.First(s => s.Start >= start)); // the range sits in a tolerated hole
        if (segments.Count == 0)
            return Fail(SegmentSelectionOutcome.NotCovered,
                $"The buffer of camera '{cameraId}' holds {held} but is missing {holes.First(h => h.First <= start && h.Last >= end)}, when the camera or its recorder was down; {asked} was asked for.");
        var offset = start - segments[0].Start;
        return new SegmentSelection(SegmentSelectionOutcome.Covered, segments, offset > TimeSpan.Zero ? offset : TimeSpan.Zero, null, gaps);
    }

    /// <summary>
    /// Holes between adjacent segments longer than one segment (the camera or recorder was down). A shorter one is
    /// rounding and timing noise, so a range across a quick restart has no gap.
    /// </summary>
    internal static IEnumerable<BufferSpan> Holes(IReadOnlyList<RecordedSegment> buffer)
    {
        for (var i = 1; i < buffer.Count; i++)
        {
            var (before, after) = (buffer[i - 1], buffer[i]);
            var allowed = before.Duration > after.Duration ? before.Duration : after.Duration;
            if (after.Start - before.End > allowed) yield return new BufferSpan(before.End, after.Start);
        }
    }

    private static DateTime Later(DateTime a, DateTime b) => a > b ? a : b;

    private static DateTime Earlier(DateTime a, DateTime b) => a < b ? a : b;

    private static SegmentSelection Fail(SegmentSelectionOutcome outcome, string problem) => new(outcome, [], TimeSpan.Zero, problem, []);
}
