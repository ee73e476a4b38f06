namespace DogMonitor.Worker.Ffmpeg;

/// <summary>ffprobe's command lines.</summary>
internal static class ProbeArguments
{
    /// <summary>
    /// Every packet of the segment list through the concat demuxer, each tagged with where its segment starts in the
    /// concat timeline: one ffprobe run that tells every segment's video span (read by <see cref="SegmentScanParser"/>).
    /// </summary>
    public static IReadOnlyList<string> Scan(string listPath) =>
    [
        "-hide_banner", "-v", "error",
        "-protocol_whitelist", ConcatList.Protocols, "-f", "concat", "-safe", "0", "-segment_time_metadata", "1", "-i", listPath,
        "-show_entries", "stream=index,codec_type,codec_name:packet=stream_index,pts_time,duration_time:packet_tags=lavf.concatdec.start_time",
        "-of", "compact",
    ];

    /// <summary>The presentation time of a segment's first video packet (its key frame), in seconds: one line of text.</summary>
    public static IReadOnlyList<string> FirstFrame(string url) =>
    [
        "-hide_banner", "-v", "error", "-protocol_whitelist", ConcatList.Protocols,
        "-select_streams", "v:0", "-read_intervals", "%+#1", "-show_entries", "packet=pts_time", "-of", "csv=p=0", url,
    ];

    /// <summary>The width and height of a segment's first decoded picture: one line, <c>width,height</c>.</summary>
    public static IReadOnlyList<string> FirstPictureSize(string url) =>
    [
        "-hide_banner", "-v", "error", "-protocol_whitelist", ConcatList.Protocols,
        "-select_streams", "v:0", "-read_intervals", "%+#1", "-show_entries", "frame=width,height", "-of", "csv=p=0", url,
    ];

    /// <summary>
    /// Format and streams as JSON, the arguments FFMpegCore's own FFProbe uses (its parser reads durations only in
    /// the sexagesimal form).
    /// </summary>
    public static IReadOnlyList<string> Media(string path) =>
        ["-hide_banner", "-v", "error", "-print_format", "json", "-show_format", "-sexagesimal", "-show_streams", path];
}
