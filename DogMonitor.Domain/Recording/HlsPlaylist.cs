using System.Globalization;
using System.Text;

namespace DogMonitor.Domain.Recording;

/// <summary>
/// Reads and writes HLS media playlists whose segments carry wall-clock times
/// (<c>EXT-X-PROGRAM-DATE-TIME</c> + <c>EXTINF</c>): ffmpeg's live playlist and the recorder's buffer playlist.
/// </summary>
public static class HlsPlaylist
{
    /// <summary>The segments of a media playlist with their wall-clock spans.</summary>
    /// <exception cref="FormatException">The text is not a media playlist whose segments can be placed in time.</exception>
    public static IReadOnlyList<RecordedSegment> Parse(string text) => ParseMedia(text).Segments;

    /// <summary>As <see cref="Parse"/>, keeping the playlist's sequence numbers. An empty text is an empty playlist.</summary>
    /// <exception cref="FormatException">The text is not a media playlist whose segments can be placed in time.</exception>
    public static HlsMediaPlaylist ParseMedia(string text)
    {
        var reader = new HlsMediaReader();
        reader.Read(text);
        return reader.ToPlaylist();
    }

    /// <summary>A live media playlist (no end tag) with a program date-time on every segment.</summary>
    public static string Write(IReadOnlyList<RecordedSegment> segments) => Write(new HlsMediaPlaylist(segments));

    /// <summary>The playlist as text: live (ffmpeg's and the buffer's) or, when <see cref="HlsMediaPlaylist.Ended"/>, finished.</summary>
    public static string Write(HlsMediaPlaylist playlist)
    {
        var segments = playlist.Segments;
        var target = segments.Count == 0 ? 1 : segments.Max(TargetDuration);
        var version = segments.Any(NeedsVersion6) ? 6 : 3;
        var text = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"#EXTM3U\n#EXT-X-VERSION:{version}\n")
            .Append(playlist.Ended ? "#EXT-X-PLAYLIST-TYPE:VOD\n" : "")
            .Append(CultureInfo.InvariantCulture, $"#EXT-X-TARGETDURATION:{target}\n")
            .Append(CultureInfo.InvariantCulture, $"#EXT-X-MEDIA-SEQUENCE:{playlist.MediaSequence}\n")
            .Append(CultureInfo.InvariantCulture, $"#EXT-X-DISCONTINUITY-SEQUENCE:{playlist.DiscontinuitySequence}\n")
            .Append("#EXT-X-INDEPENDENT-SEGMENTS\n");
        AppendSegments(text, segments, previous: null);
        if (playlist.Ended) text.Append("#EXT-X-ENDLIST\n");
        return text.ToString();
    }

    /// <summary>
    /// The segments' lines, as <see cref="Write(HlsMediaPlaylist)"/> writes them, to follow <paramref name="previous"/>
    /// (null at the top): what a playlist that only grows appends.
    /// </summary>
    public static StringBuilder AppendSegments(StringBuilder text, IEnumerable<RecordedSegment> segments, RecordedSegment? previous)
    {
        var map = previous?.InitFileName;
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
        return text;
    }

    /// <summary>
    /// The <c>EXT-X-TARGETDURATION</c> a segment needs: every EXTINF, rounded, must be at most the target duration
    /// (RFC 8216 4.3.3.1); rounding up is always safe.
    /// </summary>
    public static int TargetDuration(RecordedSegment segment) => Math.Max(1, (int)Math.Ceiling(segment.Duration.TotalSeconds - 0.0005));

    /// <summary>EXT-X-MAP in a media playlist needs version 6 (RFC 8216 7); segments that stand alone need only 3.</summary>
    public static bool NeedsVersion6(RecordedSegment segment) => segment.InitFileName is not null;
}
