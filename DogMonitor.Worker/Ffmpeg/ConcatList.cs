using System.Text;
using DogMonitor.Domain.Recording;

namespace DogMonitor.Worker.Ffmpeg;

/// <summary>Writes ffmpeg's concat demuxer script (ffconcat) for a run of segments.</summary>
internal static class ConcatList
{
    /// <summary>All the segments, with the demuxer's own idea of their durations: what the scan reads.</summary>
    /// <remarks>
    /// The demuxer opens each file with a stream analysis that reads some 20 frames ahead to guess the frame rate, which
    /// the scan never uses; <c>fpsprobesize 0</c> skips it and halves the scan (0.20 s to 0.11 s for six 720p segments).
    /// </remarks>
    public static string Build(IReadOnlyList<SegmentFile> segments)
    {
        var text = new StringBuilder("ffconcat version 1.0\n");
        foreach (var segment in segments) text.Append("file ").Append(Quote(Url(segment))).Append("\noption fpsprobesize 0\n");
        return text.ToString();
    }

    /// <summary>
    /// Segments <paramref name="first"/> to <paramref name="last"/> (inclusive), each but the last with the duration
    /// that makes its successor's video follow on without a gap (<see cref="SegmentTimeline.ConcatDuration"/>).
    /// </summary>
    public static string Build(IReadOnlyList<SegmentFile> segments, SegmentTimeline timeline, int first, int last)
    {
        var text = new StringBuilder("ffconcat version 1.0\n");
        for (var i = first; i <= last; i++)
        {
            text.Append("file ").Append(Quote(Url(segments[i]))).Append('\n');
            if (i < last) text.Append("duration ").Append(FfmpegTime.Seconds(timeline.ConcatDuration(i))).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>The protocols the lists' entries use: ffmpeg refuses any other inside a concat list.</summary>
    public const string Protocols = "file,concat";

    /// <summary>
    /// A fragmented-MP4 segment is read after its initialisation segment, as one file: ffmpeg's concat protocol
    /// joins the two byte streams (<c>concat:init.mp4|seg.m4s</c>). A '|' in a path would split it, so the
    /// buffer's paths never hold one (<see cref="SegmentFile"/>).
    /// </summary>
    public static string Url(SegmentFile segment) =>
        segment.InitPath is null ? segment.Path
        : segment.Path.Contains('|', StringComparison.Ordinal) || segment.InitPath.Contains('|', StringComparison.Ordinal)
            ? throw new ArgumentException($"The segment path {segment.Path} holds a '|', which ffmpeg's concat protocol cannot read.", nameof(segment))
            : $"concat:{segment.InitPath}|{segment.Path}";

    // Inside single quotes nothing is special; a quote itself closes the string, is escaped, and reopens it.
    private static string Quote(string path) => $"'{path.Replace("'", @"'\''", StringComparison.Ordinal)}'";
}
