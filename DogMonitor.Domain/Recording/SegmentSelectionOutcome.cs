namespace DogMonitor.Domain.Recording;

public enum SegmentSelectionOutcome
{
    /// <summary>The buffer holds the whole range without a gap.</summary>
    Covered,

    /// <summary>The range ends after the last recorded segment: it may be covered once the recording gets there.</summary>
    NotYetRecorded,

    /// <summary>The buffer does not hold the range (it is older than the buffer, or falls in a gap) and never will.</summary>
    NotCovered,
}
