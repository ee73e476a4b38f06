namespace DogMonitor.Worker.Recording;

/// <summary>Which of a buffer's oldest segments must go: too old, over the camera's disk budget, or needed as free space.</summary>
internal static class RetentionPolicy
{
    /// <summary>
    /// The fewest segments worth dropping when nothing is urgent, since each drop writes the index whole: a hundredth
    /// of the buffer, at most 300 (with 2 s segments the buffer runs up to 10 minutes over its retention, and a week's
    /// index is written whole every 10 minutes instead of every 2 seconds).
    /// </summary>
    public static int Batch(int segmentCount) => Math.Clamp(segmentCount / 100, 1, 300);

    /// <param name="segmentEnds">Each segment's end, oldest first.</param>
    /// <param name="sizes">Each segment's size in bytes, same order.</param>
    /// <param name="now">The current time (UTC).</param>
    /// <param name="retention">How much recording to keep.</param>
    /// <param name="maxBytes">The disk budget; 0 means none.</param>
    /// <param name="bytesToFree">Space the disk needs back (below its minimum free space); the newest segment stays regardless.</param>
    /// <returns>How many segments to drop from the front.</returns>
    public static int CountToDrop(IReadOnlyList<DateTime> segmentEnds, IReadOnlyList<long> sizes, DateTime now, TimeSpan retention, long maxBytes, long bytesToFree = 0)
    {
        var oldest = now - retention;
        var drop = 0;
        while (drop < segmentEnds.Count && segmentEnds[drop] <= oldest) drop++;

        var freed = sizes.Take(drop).Sum();
        if (maxBytes > 0)
        {
            var total = sizes.Skip(drop).Sum();
            while (total > maxBytes && drop < sizes.Count)
            {
                total -= sizes[drop];
                freed += sizes[drop++];
            }
        }
        while (freed < bytesToFree && drop < sizes.Count - 1) freed += sizes[drop++];
        return drop;
    }
}
