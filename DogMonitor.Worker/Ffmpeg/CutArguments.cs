using System.Globalization;

namespace DogMonitor.Worker.Ffmpeg;

/// <summary>ffmpeg's command lines for cutting a clip out of an ffconcat list of segments.</summary>
internal static class CutArguments
{
    /// <summary>
    /// Frame-accurate: <c>trim</c> after the concat input, then libx264. <c>-ss</c> before a concat input measured
    /// wrong durations; the filter counts decoded frames' timestamps, so the clip starts on the asked frame.
    /// </summary>
    /// <param name="trimStart">Where the clip starts in the list's timeline (the first segment's audio lead included).</param>
    public static IReadOnlyList<string> Exact(string listPath, string outputPath, TimeSpan trimStart, TimeSpan duration, bool withAudio, FfmpegOptions options)
    {
        var range = $"start={FfmpegTime.Seconds(trimStart)}:duration={FfmpegTime.Seconds(duration)}";
        var args = Input(listPath);
        // vfr: keep the camera's own frame timing rather than duplicating or dropping frames to a guessed rate.
        args.AddRange(["-map", "0:v:0", "-vf", $"trim={range},setpts=PTS-STARTPTS", "-fps_mode", "vfr"]);
        AddH264(args, options);
        if (withAudio) args.AddRange(["-map", "0:a:0", "-af", $"atrim={range},asetpts=PTS-STARTPTS", "-c:a", "aac", "-b:a", "128k"]);
        return Output(args, outputPath);
    }

    /// <summary>Whole segments copied as they are: no decoding, so the clip starts on the first segment's keyframe.</summary>
    /// <param name="audioCodec">The segments' audio codec, or null for none.</param>
    /// <param name="encodeVideo">
    /// Null copies the video; options encode it as H.264 (whole segments still), for video browsers cannot play.
    /// </param>
    public static IReadOnlyList<string> Fast(string listPath, string outputPath, string? audioCodec, FfmpegOptions? encodeVideo = null, string? videoCodec = "h264")
    {
        var args = Input(listPath);
        args.AddRange(["-map", "0:v:0"]);
        // hvc1: the tag Apple's players need for H.265 kept as the camera sent it (ffmpeg's default, hev1, they refuse).
        if (encodeVideo is null)
        {
            args.AddRange(["-c:v", "copy"]);
            if (videoCodec == "hevc") args.AddRange(["-tag:v", "hvc1"]);
        }
        else
        {
            // vfr: frame for frame; MP4's default constant rate duplicated two frames where segments meet.
            args.AddRange(["-fps_mode", "vfr"]);
            AddH264(args, encodeVideo);
        }
        if (audioCodec == "aac") args.AddRange(["-map", "0:a:0", "-c:a", "copy", "-bsf:a", "aac_adtstoasc"]);
        // MP4 cannot carry every camera's audio (G.711 among them); AAC costs little next to the video it travels with.
        else if (audioCodec is not null) args.AddRange(["-map", "0:a:0", "-c:a", "aac", "-b:a", "128k"]);
        return Output(args, outputPath);
    }

    private static void AddH264(List<string> args, FfmpegOptions options)
    {
        args.AddRange(["-c:v", "libx264", "-preset", options.Preset, "-crf", Invariant(options.Crf), "-pix_fmt", "yuv420p"]);
        if (options.Threads > 0) args.AddRange(["-threads", Invariant(options.Threads)]);
    }

    private static List<string> Input(string listPath) =>
    [
        "-hide_banner", "-nostdin", "-y", "-loglevel", "warning",
        "-nostats", "-progress", "pipe:1", "-stats_period", "0.25",
        "-protocol_whitelist", ConcatList.Protocols, "-f", "concat", "-safe", "0", "-i", listPath,
    ];

    // faststart: the moov atom before the media, so a browser plays the clip before it has all of it. The format is
    // named because the file is written under a temporary name.
    private static List<string> Output(List<string> args, string outputPath)
    {
        args.AddRange(["-movflags", "+faststart", "-f", "mp4", outputPath]);
        return args;
    }

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}
