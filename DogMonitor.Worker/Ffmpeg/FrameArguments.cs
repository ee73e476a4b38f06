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
}
