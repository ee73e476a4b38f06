namespace DogMonitor.Worker.Ffmpeg;

/// <summary>
/// The segments' video laid end to end, as a cut plays it: time 0 is the first segment's first frame and each
/// segment follows the previous one's last frame, whatever its own timestamps say (a recorder restart starts them again).
/// </summary>
internal sealed class SegmentTimeline
{
    // Offsets come from playlists rounded to the millisecond or so: a start that close to a boundary belongs to the
    // next segment. The end has no such slack; a range reaching even slightly into a segment needs that segment's frame.
    private static readonly TimeSpan StartTolerance = TimeSpan.FromMilliseconds(1);

    private readonly TimeSpan[] _starts;

    public SegmentTimeline(IReadOnlyList<SegmentSpan> segments, string? videoCodec, string? audioCodec)
    {
        Segments = segments;
        VideoCodec = videoCodec;
        AudioCodec = audioCodec;
        _starts = new TimeSpan[segments.Count + 1];
        for (var i = 0; i < segments.Count; i++) _starts[i + 1] = _starts[i] + segments[i].VideoDuration;
    }

    public IReadOnlyList<SegmentSpan> Segments { get; }

    public string? VideoCodec { get; }

    /// <summary>The first segment's audio codec, or null when the segments have no audio.</summary>
    public string? AudioCodec { get; }

    public bool HasAudio => AudioCodec is not null;

    /// <summary>All the video the segments hold.</summary>
    public TimeSpan Total => _starts[^1];

    /// <summary>Where segment <paramref name="index"/> starts in the timeline.</summary>
    public TimeSpan StartOf(int index) => _starts[index];

    /// <summary>How long segments <paramref name="first"/> to <paramref name="last"/> (inclusive) play.</summary>
    public TimeSpan Length(int first, int last) => _starts[last + 1] - _starts[first];

    /// <summary>The first and last segments (inclusive) that hold [<paramref name="start"/>, <paramref name="end"/>).</summary>
    public (int First, int Last) Covering(TimeSpan start, TimeSpan end)
    {
        var first = 0;
        while (first + 1 < Segments.Count && _starts[first + 1] <= start + StartTolerance) first++;
        var last = first;
        while (last + 1 < Segments.Count && _starts[last + 1] < end) last++;
        return (first, last);
    }

    /// <summary>
    /// How long the concat demuxer must take segment <paramref name="index"/> to last so the next segment's video
    /// starts right where this one's ends. Its own guess, the span from its earliest packet to its latest, leaves
    /// a gap of the next segment's audio lead at every boundary when the segments have audio.
    /// </summary>
    public TimeSpan ConcatDuration(int index)
    {
        var segment = Segments[index];
        if (index + 1 >= Segments.Count) return segment.Lead + segment.VideoDuration;
        var duration = segment.Lead + segment.VideoDuration - Segments[index + 1].Lead;
        return duration > TimeSpan.Zero ? duration : segment.VideoDuration;
    }
}
