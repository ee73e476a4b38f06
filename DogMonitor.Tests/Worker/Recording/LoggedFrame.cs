using System.Globalization;

namespace DogMonitor.Tests.Worker.Recording;

/// <summary>One frame as <see cref="ScrollingBarsCamera"/>'s server logged it (rtsp_server.py <c>--log-frames</c>).</summary>
/// <param name="Pipeline">Which of the server's pipelines took it (one per set of clients, from 1).</param>
/// <param name="Number">The source's frame number, which its picture shows; from 0 again when a pipeline restarts.</param>
/// <param name="Taken">When it was taken: its timestamp on the pipeline's clock, as wall-clock time (UTC).</param>
/// <param name="Encoded">When it left the encoder for the payloader, about to be sent; null if it has not (yet).</param>
internal sealed record LoggedFrame(int Pipeline, long Number, DateTime Taken, DateTime? Encoded)
{
    // A frame's timestamp is turned into wall-clock time in each place apart; the two agree to microseconds.
    private static readonly TimeSpan SameFrame = TimeSpan.FromMilliseconds(1);

    /// <summary>The log's lines ("WHERE PIPELINE N RUNNING_NS PASSED TAKEN"), the source's and the payloader's joined per frame.</summary>
    public static IReadOnlyList<LoggedFrame> Parse(IEnumerable<string> lines)
    {
        var taken = new List<LoggedFrame>();
        var encoded = new List<(int Pipeline, DateTime Taken, DateTime Passed)>();
        foreach (var fields in lines.Select(l => l.Split(' ')).Where(f => f.Length == 6))
        {
            var pipeline = int.Parse(fields[1], CultureInfo.InvariantCulture);
            if (fields[0] == "src") taken.Add(new LoggedFrame(pipeline, long.Parse(fields[2], CultureInfo.InvariantCulture), UnixTime(fields[5]), null));
            else if (fields[0] == "pay") encoded.Add((pipeline, UnixTime(fields[5]), UnixTime(fields[4])));
        }

        taken.Sort((a, b) => a.Taken.CompareTo(b.Taken));
        var times = taken.Select(f => f.Taken).ToList();
        foreach (var (pipeline, when, passed) in encoded)
        {
            var index = times.BinarySearch(when);
            foreach (var i in index >= 0 ? [index] : new[] { ~index - 1, ~index })
            {
                if (i < 0 || i >= taken.Count || taken[i].Pipeline != pipeline || (taken[i].Taken - when).Duration() > SameFrame) continue;
                taken[i] = taken[i] with { Encoded = passed };
                break;
            }
        }
        return taken;
    }

    // Unix seconds with microseconds, parsed as a decimal so no digit is lost.
    private static DateTime UnixTime(string seconds) =>
        DateTime.UnixEpoch.AddTicks((long)Math.Round(decimal.Parse(seconds, NumberStyles.Float, CultureInfo.InvariantCulture) * TimeSpan.TicksPerSecond));
}
