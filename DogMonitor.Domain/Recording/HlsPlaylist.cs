using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace DogMonitor.Domain.Recording;

/// <summary>
/// Reads and writes HLS media playlists whose segments carry wall-clock times
/// (<c>EXT-X-PROGRAM-DATE-TIME</c> + <c>EXTINF</c>): ffmpeg's live playlist and the recorder's buffer playlist.
/// </summary>
public static partial class HlsPlaylist
{
    /// <summary>The segments of a media playlist with their wall-clock spans.</summary>
    /// <exception cref="FormatException">The text is not a media playlist whose segments can be placed in time.</exception>
    public static IReadOnlyList<RecordedSegment> Parse(string text) => ParseMedia(text).Segments;

    /// <summary>As <see cref="Parse"/>, keeping the playlist's sequence numbers. An empty text is an empty playlist.</summary>
    /// <exception cref="FormatException">The text is not a media playlist whose segments can be placed in time.</exception>
    public static HlsMediaPlaylist ParseMedia(string text)
    {
        var lines = text.TrimStart('\uFEFF').Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        if (lines.Count == 0) return new HlsMediaPlaylist([]);
        if (lines[0] != "#EXTM3U") throw new FormatException("The playlist does not start with #EXTM3U.");

        var segments = new List<RecordedSegment>();
        long mediaSequence = 0, discontinuitySequence = 0;
        TimeSpan? duration = null;
        DateTime? programDateTime = null;
        var discontinuity = false;
        var ended = false;
        string? map = null;
        foreach (var line in lines.Skip(1))
        {
            if (TryTag(line, "#EXTINF:", out var value)) duration = ParseDuration(value);
            else if (TryTag(line, "#EXT-X-MAP:", out value)) map = ParseMapUri(line, value);
            else if (TryTag(line, "#EXT-X-PROGRAM-DATE-TIME:", out value)) programDateTime = ParseDateTime(value);
            else if (line == "#EXT-X-DISCONTINUITY") discontinuity = true;
            else if (line == "#EXT-X-ENDLIST") ended = true;
            else if (TryTag(line, "#EXT-X-MEDIA-SEQUENCE:", out value)) mediaSequence = ParseCount(line, value);
            else if (TryTag(line, "#EXT-X-DISCONTINUITY-SEQUENCE:", out value)) discontinuitySequence = ParseCount(line, value);
            else if (line.StartsWith('#')) continue; // other tags and comments say nothing about time
            else
            {
                var start = programDateTime
                    ?? (segments.Count > 0 ? segments[^1].End : throw new FormatException($"Segment '{line}' has no #EXT-X-PROGRAM-DATE-TIME and no earlier segment to follow, so its time is unknown."));
                segments.Add(new RecordedSegment(line, start, duration ?? throw new FormatException($"Segment '{line}' has no #EXTINF duration."), discontinuity, map));
                (duration, programDateTime, discontinuity) = (null, null, false);
            }
        }
        return new HlsMediaPlaylist(segments, mediaSequence, discontinuitySequence, ended);
    }

    /// <summary>A live media playlist (no end tag) with a program date-time on every segment.</summary>
    public static string Write(IReadOnlyList<RecordedSegment> segments) => Write(new HlsMediaPlaylist(segments));

    /// <summary>The playlist as text: live (ffmpeg's and the buffer's) or, when <see cref="HlsMediaPlaylist.Ended"/>, finished.</summary>
    public static string Write(HlsMediaPlaylist playlist)
    {
        var segments = playlist.Segments;
        // Every EXTINF, rounded, must be at most the target duration (RFC 8216 4.3.3.1); rounding up is always safe.
        var target = segments.Count == 0 ? 1 : Math.Max(1, (int)Math.Ceiling(segments.Max(s => s.Duration.TotalSeconds) - 0.0005));
        // EXT-X-MAP in a media playlist needs version 6 (RFC 8216 7); segments that stand alone need only 3.
        var version = segments.Any(s => s.InitFileName is not null) ? 6 : 3;
        var text = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"#EXTM3U\n#EXT-X-VERSION:{version}\n")
            .Append(playlist.Ended ? "#EXT-X-PLAYLIST-TYPE:VOD\n" : "")
            .Append(CultureInfo.InvariantCulture, $"#EXT-X-TARGETDURATION:{target}\n")
            .Append(CultureInfo.InvariantCulture, $"#EXT-X-MEDIA-SEQUENCE:{playlist.MediaSequence}\n")
            .Append(CultureInfo.InvariantCulture, $"#EXT-X-DISCONTINUITY-SEQUENCE:{playlist.DiscontinuitySequence}\n")
            .Append("#EXT-X-INDEPENDENT-SEGMENTS\n");
        string? map = null;
        foreach (var segment in segments)
        {
            if (segment.DiscontinuityBefore) text.Append("#EXT-X-DISCONTINUITY\n");
            // A map applies to every segment after it until the next one (RFC 8216 4.3.2.5); written when the run changes.
            if (segment.InitFileName is { } init && init != map) text.Append(CultureInfo.InvariantCulture, $"#EXT-X-MAP:URI=\"{init}\"\n");
            map = segment.InitFileName;
            text.Append(CultureInfo.InvariantCulture, $"#EXT-X-PROGRAM-DATE-TIME:{segment.Start:yyyy-MM-ddTHH:mm:ss.fffZ}\n")
                .Append(CultureInfo.InvariantCulture, $"#EXTINF:{segment.Duration.TotalSeconds:0.000000},\n")
                .Append(segment.FileName).Append('\n');
        }
        if (playlist.Ended) text.Append("#EXT-X-ENDLIST\n");
        return text.ToString();
    }

    private static bool TryTag(string line, string tag, out string value)
    {
        value = line.StartsWith(tag, StringComparison.Ordinal) ? line[tag.Length..].Trim() : "";
        return value.Length > 0 || line == tag;
    }

    // #EXT-X-MAP:URI="init.mp4"[,BYTERANGE=…]: the recorder's maps are whole files in the segments' folder.
    private static string ParseMapUri(string line, string value)
    {
        var match = MapUri().Match(value);
        return match.Success ? match.Groups[1].Value : throw new FormatException($"{line} has no URI.");
    }

    private static TimeSpan ParseDuration(string value)
    {
        var number = value.Split(',', 2)[0].Trim();
        return double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0 && seconds < 86_400
            ? TimeSpan.FromSeconds(seconds)
            : throw new FormatException($"#EXTINF:{value} does not start with a duration in seconds.");
    }

    private static DateTime ParseDateTime(string value)
    {
        // ffmpeg writes offsets as +0000, which .NET's parser does not take; ISO 8601 allows both spellings.
        var normalised = CompactOffset().Replace(value, "$1:$2");
        return DateTimeOffset.TryParse(normalised, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time)
            ? time.UtcDateTime
            : throw new FormatException($"#EXT-X-PROGRAM-DATE-TIME:{value} is not an ISO 8601 date and time.");
    }

    private static long ParseCount(string line, string value) =>
        long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var count)
            ? count
            : throw new FormatException($"{line} does not end with a whole number.");

    [GeneratedRegex("(?:^|,)URI=\"([^\"]+)\"")]
    private static partial Regex MapUri();

    [GeneratedRegex(@"([+-]\d{2})(\d{2})\z")]
    private static partial Regex CompactOffset();
}
