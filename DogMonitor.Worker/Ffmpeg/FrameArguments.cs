using System.Globalization;

namespace DogMonitor.Worker.Ffmpeg;

/// <summary>ffmpeg's command lines for one JPEG frame, written to stdout.</summary>
internal static class FrameArguments
{
    /// <summary>
    /// The full-size frame at <paramref name="position"/> in an ffconcat list. <c>-ss</c> after the input decodes up
    /// to the frame (at most one segment, as the list holds only the segment with the frame); seeking in MPEG-TS
    /// before the input landed between keyframes.
    /// </summary>
    public static IReadOnlyList<string> Grab(string listPath, TimeSpan position) =>
    [
        "-hide_banner", "-nostdin", "-loglevel", "error",
        "-protocol_whitelist", ConcatList.Protocols, "-f", "concat", "-safe", "0", "-i", listPath,
        "-ss", FfmpegTime.Seconds(position), "-map", "0:v:0", "-frames:v", "1",
        "-c:v", "mjpeg", "-q:v", "2", "-f", "image2pipe", "pipe:1",
    ];

    /// <summary>A frame of an MP4 scaled down (never up) to fit <paramref name="maxSide"/>, aspect kept, sides even.</summary>
    public static IReadOnlyList<string> Preview(string videoPath, TimeSpan position, int maxSide)
    {
        var side = maxSide.ToString(CultureInfo.InvariantCulture);
        return
        [
            "-hide_banner", "-nostdin", "-loglevel", "error",
            "-ss", FfmpegTime.Seconds(position), "-i", videoPath,
            "-map", "0:v:0", "-frames:v", "1",
            "-vf", $"scale=w='min(iw,{side})':h='min(ih,{side})':force_original_aspect_ratio=decrease:force_divisible_by=2",
            "-c:v", "mjpeg", "-q:v", "3", "-f", "image2pipe", "pipe:1",
        ];
    }

    /// <summary>
    /// A strip of <paramref name="frames"/> frames side by side, each <paramref name="frameWidth"/> wide, taken every
    /// <paramref name="step"/> from half a step in (the middle of each stretch a card's pointer can be over). A video
    /// short of frames leaves the strip's end blank rather than failing.
    /// </summary>
    public static IReadOnlyList<string> Sprite(string videoPath, TimeSpan step, int frames, int frameWidth)
    {
        var every = FfmpegTime.Seconds(step);
        var first = FfmpegTime.Seconds(step / 2);
        var count = frames.ToString(CultureInfo.InvariantCulture);
        return
        [
            "-hide_banner", "-nostdin", "-loglevel", "error", "-i", videoPath, "-map", "0:v:0",
            "-vf", $"select='gte(t,{first})*(isnan(prev_selected_t)+gte(t-prev_selected_t,{every}))',scale={frameWidth.ToString(CultureInfo.InvariantCulture)}:-2,tile={count}x1",
            "-frames:v", "1", "-c:v", "mjpeg", "-q:v", "5", "-f", "image2pipe", "pipe:1",
        ];
    }
}
