using DogMonitor.Domain.Recording;

namespace DogMonitor.Domain.Clips;

/// <summary>
/// Where a moment of a clip's video lies in wall-clock time. A clip cut across a gap in the recording plays its
/// recorded parts one after another, so each gap before a moment moves it that much later than start + offset.
/// </summary>
public static class ClipWallClock
{
    /// <summary>The wall-clock time of the frame <paramref name="offsetMs"/> into <paramref name="clip"/>'s video (at a gap, the first frame after it).</summary>
    public static DateTime At(Clip clip, int offsetMs)
    {
        var at = clip.Timestamp.AddMilliseconds(offsetMs);
        foreach (var gap in clip.Gaps.OrderBy(g => g.First))
        {
            if (gap.First > at) break;
            at += gap.Last - gap.First;
        }
        return at;
    }

    /// <summary>
    /// Where a trim of <paramref name="source"/> from <paramref name="offsetMs"/> for <paramref name="durationMs"/> of
    /// its video starts in wall-clock time, and the source's gaps it plays across.
    /// </summary>
    public static (DateTime Start, List<BufferSpan> Gaps) Trim(Clip source, int offsetMs, int durationMs)
    {
        var start = At(source, offsetMs);
        var end = start.AddMilliseconds(durationMs);
        List<BufferSpan> within = [];
        foreach (var gap in source.Gaps.Where(g => g.First > start).OrderBy(g => g.First))
        {
            if (gap.First >= end) break;
            within.Add(gap);
            end += gap.Last - gap.First;
        }
        return (start, within);
    }
}
