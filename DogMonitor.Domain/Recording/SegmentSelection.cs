namespace DogMonitor.Domain.Recording;

/// <summary>Which buffer segments a wall-clock range [start, end) needs, or why the buffer cannot give it.</summary>
/// <param name="Outcome">Whether the range is covered, not recorded yet, or not covered.</param>
/// <param name="Segments">When covered, the segments overlapping the range, in order; otherwise empty.</param>
/// <param name="StartOffset">When covered, where the range starts, measured from the start of the first segment.</param>
/// <param name="Problem">When not covered (or not yet), a sentence naming what the buffer holds and what was asked.</param>
public sealed record SegmentSelection(SegmentSelectionOutcome Outcome, IReadOnlyList<RecordedSegment> Segments, TimeSpan StartOffset, string? Problem)
{
    /// <summary>Selects from a buffer's segments (in recording order) the ones covering [<paramref name="start"/>, <paramref name="end"/>).</summary>
    /// <remarks>
    /// A hole between adjacent segments longer than one segment (the camera or recorder was down) is a gap; a
    /// shorter one is rounding and timing noise, so a range across a quick restart is still covered.
    /// </remarks>
    public static SegmentSelection Select(string cameraId, IReadOnlyList<RecordedSegment> buffer, DateTime start, DateTime end)
    {
        start = UtcTime.AsUtc(start);
        end = UtcTime.AsUtc(end);
        if (end <= start) throw new ArgumentException($"The range must end after it starts; it runs from {start:O} to {end:O}.", nameof(end));
        var asked = new BufferSpan(start, end);

        if (buffer.Count == 0)
            return Fail(SegmentSelectionOutcome.NotYetRecorded, $"The buffer of camera '{cameraId}' holds nothing yet; the clip asks for {asked}.");

        var held = new BufferSpan(buffer[0].Start, buffer[^1].End);
        var heldSentence = $"The buffer of camera '{cameraId}' holds {held}; the clip asks for {asked}.";
        if (start < held.First) return Fail(SegmentSelectionOutcome.NotCovered, heldSentence);

        for (var i = 1; i < buffer.Count; i++)
        {
            var (before, after) = (buffer[i - 1], buffer[i]);
            if (before.End >= end) break;
            var allowed = before.Duration > after.Duration ? before.Duration : after.Duration;
            if (after.Start - before.End > allowed && after.Start > start)
                return Fail(SegmentSelectionOutcome.NotCovered,
                    $"The buffer of camera '{cameraId}' holds {held} but is missing {new BufferSpan(before.End, after.Start)}, when the camera or its recorder was down; the clip asks for {asked}.");
        }

        if (end > held.Last) return Fail(SegmentSelectionOutcome.NotYetRecorded, heldSentence);

        var segments = buffer.Where(s => s.End > start && s.Start < end).ToList();
        if (segments.Count == 0) segments.Add(buffer.First(s => s.Start >= start)); // the range sits in a tolerated hole
        var offset = start - segments[0].Start;
        return new SegmentSelection(SegmentSelectionOutcome.Covered, segments, offset > TimeSpan.Zero ? offset : TimeSpan.Zero, null);
    }

    private static SegmentSelection Fail(SegmentSelectionOutcome outcome, string problem) => new(outcome, [], TimeSpan.Zero, problem);
}
