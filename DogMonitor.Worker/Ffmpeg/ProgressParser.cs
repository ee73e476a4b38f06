using System.Globalization;

namespace DogMonitor.Worker.Ffmpeg;

/// <summary>
/// Reads ffmpeg's <c>-progress</c> output line by line: blocks of <c>key=value</c> lines, each closed by
/// <c>progress=continue</c> or <c>progress=end</c>.
/// </summary>
internal sealed class ProgressParser
{
    private TimeSpan? _outTime;

    /// <summary>Takes one line; returns the block's update when the line closes a block, otherwise null.</summary>
    public ProgressUpdate? Add(string line)
    {
        var separator = line.IndexOf('=', StringComparison.Ordinal);
        if (separator <= 0) return null;
        var key = line[..separator].Trim();
        var value = line[(separator + 1)..].Trim();
        switch (key)
        {
            // out_time_ms holds microseconds too (a long-standing ffmpeg naming slip), so both read the same way.
            case "out_time_us" or "out_time_ms" when long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var microseconds):
                _outTime = TimeSpan.FromMicroseconds(microseconds);
                return null;
            case "out_time" when _outTime is null && TryParseClock(value, out var clock):
                _outTime = clock;
                return null;
            case "progress":
                var update = new ProgressUpdate(_outTime, value == "end");
                _outTime = null;
                return update;
            default:
                return null;
        }
    }

    // "00:01:02.345678", with a leading '-' before the first frame is out.
    private static bool TryParseClock(string value, out TimeSpan time)
    {
        var negative = value.StartsWith('-');
        var parsed = TimeSpan.TryParseExact(negative ? value[1..] : value, @"hh\:mm\:ss\.FFFFFFF", CultureInfo.InvariantCulture, out time);
        if (negative) time = -time;
        return parsed;
    }
}
