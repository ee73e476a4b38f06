namespace DogMonitor.Worker.Recording;

/// <summary>Which of a buffer's oldest segments must go: too old, or over the camera's disk budget.</summary>
internal static class RetentionPolicy
{
    /// <param name="segmentEnds">Each segment's end, oldest first.</param>
    /// <param name="sizes">Each segment's size in bytes, same order.</param>
    /// <param name="now">The current time (UTC).</param>
    /// <param name="retention">How much recording to keep.</param>
    /// <param name="maxBytes">The disk budget; 0 means none.</param>
    /// <returns>How many segments to drop from the front.</returns>
    public static int CountToDrop(IReadOnlyList<DateTime> segmentEnds, IReadOnlyList<long> sizes, DateTime now, TimeSpan retention, long maxBytes)
    {
        var oldest = now - retention;
        var drop = 0;
        while (drop < segmentEnds.Count && segmentEnds[drop] <= oldest) drop++;

        if (maxBytes <= 0) return drop;
        var total = sizes.Skip(drop).Sum();
        while (total > maxBytes && drop < sizes.Count) total -= sizes[drop++];
        return drop;
    }
}
