using System.Globalization;

namespace DogMonitor.Worker.Ffmpeg;

/// <summary>
/// Reads ffprobe's compact listing of the segment list (<see cref="ProbeArguments.Scan"/>): stream lines name
/// the codecs, and each packet line carries its segment's place in the concat timeline
/// (<c>tag:lavf.concatdec.start_time</c>, microseconds), which groups the video packets by segment.
/// </summary>
internal static class SegmentScanParser
{
    private const string SegmentStartTag = "tag:lavf.concatdec.start_time";

    /// <exception cref="FormatException">The listing has no video stream or a line that cannot be read.</exception>
    public static SegmentTimeline Parse(string listing)
    {
        var streams = new List<(int Index, string Type, string Codec)>();
        var packets = new List<(int Stream, long SegmentStart, double Pts, double? Duration)>();
        foreach (var rawLine in listing.Split('\n'))
        {
            var line = rawLine.Trim();
            if (line.StartsWith("stream|", StringComparison.Ordinal))
            {
                var fields = Fields(line);
                streams.Add((Int(fields, "index"), fields.GetValueOrDefault("codec_type", ""), fields.GetValueOrDefault("codec_name", "")));
            }
            else if (line.StartsWith("packet|", StringComparison.Ordinal))
            {
                var fields = Fields(line);
                // A packet without a timestamp says nothing about where its segment's video lies; nor does one of a damaged
                // segment (cut short when the disk filled) whose times are out of any range a recording has.
                if (!TryDouble(fields, "pts_time", out var pts) || !Plausible(pts)) continue;
                if (Long(fields, SegmentStartTag) is var segmentStart && !Plausible(segmentStart / 1e6)) continue;
                var duration = TryDouble(fields, "duration_time", out var d) ? d : (double?)null;
                packets.Add((Int(fields, "stream_index"), segmentStart, pts, Plausible(duration ?? 0) ? duration : null));
            }
        }

        var video = streams.FirstOrDefault(s => s.Type == "video");
        if (video.Type is null) throw new FormatException("ffprobe found no video stream in the segments.");
        var audio = streams.FirstOrDefault(s => s.Type == "audio");

        var segments = packets
            .Where(p => p.Stream == video.Index)
            .GroupBy(p => p.SegmentStart)
            .Select(Span)
            .ToList();
        return new SegmentTimeline(segments, video.Codec, audio.Type is null ? null : audio.Codec);
    }

    private static SegmentSpan Span(IGrouping<long, (int Stream, long SegmentStart, double Pts, double? Duration)> packets)
    {
        var ordered = packets.OrderBy(p => p.Pts).ToList();
        var lastFrame = ordered[^1];
        // A stream copied from a camera may not say how long a frame lasts; the frame spacing does.
        var frameDuration = lastFrame.Duration
            ?? ordered.Zip(ordered.Skip(1), (a, b) => b.Pts - a.Pts).Where(gap => gap > 0).DefaultIfEmpty(0).Min();
        return new SegmentSpan(
            TimeSpan.FromMicroseconds(packets.Key),
            Seconds(ordered[0].Pts),
            Seconds(lastFrame.Pts + frameDuration));
    }

    /// <summary>Within a year either side of zero: any time a buffer's segments can have.</summary>
    private static bool Plausible(double seconds) => double.IsFinite(seconds) && Math.Abs(seconds) < 366 * 86_400;

    private static TimeSpan Seconds(double seconds) => TimeSpan.FromTicks((long)Math.Round(seconds * TimeSpan.TicksPerSecond));

    private static Dictionary<string, string> Fields(string line)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var part in line.Split('|'))
        {
            var separator = part.IndexOf('=', StringComparison.Ordinal);
            if (separator > 0) fields.TryAdd(part[..separator], part[(separator + 1)..]);
        }

        return fields;
    }

    private static bool TryDouble(Dictionary<string, string> fields, string key, out double value) =>
        double.TryParse(fields.GetValueOrDefault(key), NumberStyles.Float, CultureInfo.InvariantCulture, out value);

    private static int Int(Dictionary<string, string> fields, string key) => (int)Long(fields, key);

    private static long Long(Dictionary<string, string> fields, string key) =>
        long.TryParse(fields.GetValueOrDefault(key), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new FormatException($"ffprobe's line has no readable '{key}'.");
}
