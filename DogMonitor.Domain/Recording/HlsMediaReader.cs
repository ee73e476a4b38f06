using System.Globalization;
using System.Text.RegularExpressions;

namespace DogMonitor.Domain.Recording;

/// <summary>
/// Reads an HLS media playlist line by line, and can go on reading where it stopped: a playlist that only grows (the
/// buffer's) is read once, then only what was appended.
/// </summary>
public sealed partial class HlsMediaReader
{
    private readonly List<RecordedSegment> _segments = [];
    private bool _started;
    private long _mediaSequence, _discontinuitySequence;
    private TimeSpan? _duration;
    private DateTime? _programDateTime;
    private bool _discontinuity, _ended;
    private string? _map;

    public IReadOnlyList<RecordedSegment> Segments => _segments;

    /// <summary>Reads whole lines (a last line without its line feed counts as whole).</summary>
    /// <exception cref="FormatException">The text is not a media playlist whose segments can be placed in time.</exception>
    public void Read(string text)
    {
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (!_started) line = line.TrimStart('\uFEFF');
            if (line.Length > 0) ReadLine(line);
        }
    }

    /// <summary>The playlist read so far (its segments copied, so reading on does not change it).</summary>
    public HlsMediaPlaylist ToPlaylist() => new([.. _segments], _mediaSequence, _discontinuitySequence, _ended);

    private void ReadLine(string line)
    {
        if (!_started)
        {
            _started = line == "#EXTM3U" ? true : throw new FormatException("The playlist does not start with #EXTM3U.");
            return;
        }
        if (TryTag(line, "#EXTINF:", out var value)) _duration = ParseDuration(value);
        else if (TryTag(line, "#EXT-X-MAP:", out value)) _map = ParseMapUri(line, value);
        else if (TryTag(line, "#EXT-X-PROGRAM-DATE-TIME:", out value)) _programDateTime = ParseDateTime(value);
        else if (line == "#EXT-X-DISCONTINUITY") _discontinuity = true;
        else if (line == "#EXT-X-ENDLIST") _ended = true;
        else if (TryTag(line, "#EXT-X-MEDIA-SEQUENCE:", out value)) _mediaSequence = ParseCount(line, value);
        else if (TryTag(line, "#EXT-X-DISCONTINUITY-SEQUENCE:", out value)) _discontinuitySequence = ParseCount(line, value);
        else if (line.StartsWith('#')) return; // other tags and comments say nothing about time
        else
        {
            var start = _programDateTime
                ?? (_segments.Count > 0 ? _segments[^1].End : throw new FormatException($"Segment '{line}' has no #EXT-X-PROGRAM-DATE-TIME and no earlier segment to follow, so its time is unknown."));
            _segments.Add(new RecordedSegment(line, start, _duration ?? throw new FormatException($"Segment '{line}' has no #EXTINF duration."), _discontinuity, _map));
            (_duration, _programDateTime, _discontinuity) = (null, null, false);
        }
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
