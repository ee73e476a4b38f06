namespace DogMonitor.Worker.Ffmpeg;

/// <summary>Where one segment's video sits in the concat demuxer's timeline (ffprobe over the segment list).</summary>
/// <param name="FileStart">Where the concat demuxer placed the segment: its earliest packet of any stream.</param>
/// <param name="VideoStart">The segment's first video frame (its keyframe).</param>
/// <param name="VideoEnd">The end of the segment's last video frame.</param>
internal sealed record SegmentSpan(TimeSpan FileStart, TimeSpan VideoStart, TimeSpan VideoEnd)
{
    /// <summary>How long before its video the segment's audio starts; zero without audio.</summary>
    public TimeSpan Lead => VideoStart - FileStart;

    public TimeSpan VideoDuration => VideoEnd - VideoStart;
}
