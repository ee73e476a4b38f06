using System.Globalization;
using DogMonitor.Domain.Activity;
using DogMonitor.Domain.Cameras;
using DogMonitor.Domain.Recording;

namespace DogMonitor.Worker.Recording;

/// <summary>
/// ffmpeg's command line for recording one camera into fragmented-MP4 HLS segments plus a short live playlist. Fragmented
/// MP4 takes what cameras send (H.264 with B-frames, H.265), where MPEG-TS segments fail on B-frames' unset timestamps.
/// </summary>
internal static class RecorderArguments
{
    /// <summary>Segments ffmpeg keeps in live.m3u8; the recorder polls it far more often than this window turns over.</summary>
    public const int LiveListSize = 6;

    /// <summary>The run's initialisation segment (<c>EXT-X-MAP</c>), named after the run like its segments.</summary>
    public static string InitFileName(string segmentPrefix) => segmentPrefix + "init.mp4";

    /// <param name="source">The camera's source.</param>
    /// <param name="stream">What the camera sends (<see cref="CameraProbe"/>); null when not known (the recorder then assumes H.264 without sound).</param>
    /// <param name="segmentSeconds">Target segment length; each segment starts on a keyframe.</param>
    /// <param name="cameraDirectory">Where the segments and live.m3u8 go.</param>
    /// <param name="segmentPrefix">Unique per ffmpeg run, so a restart never reuses a name the buffer lists.</param>
    /// <param name="fontFile">A TrueType font for the clock on synthetic video; null leaves the clock out.</param>
    /// <param name="clockEpoch">
    /// Wall-clock time of the synthetic video's first frame: the clock drawn on frame n reads this plus the frame's pts,
    /// and the recorder dates the run's segments from the same epoch (<see cref="BufferIndex.BeginRun"/>), so the
    /// picture and the buffer agree to the frame.
    /// </param>
    /// <param name="scene">What the synthetic camera shows and plays (ignored for other sources).</param>
    /// <param name="activity">Where the detectors listen (<see cref="ActivityTap"/>); null records without detection.</param>
    public static IReadOnlyList<string> Build(
        CameraSource source, CameraStream? stream, int segmentSeconds, string cameraDirectory, string segmentPrefix, string? fontFile, DateTime clockEpoch,
        SyntheticScene? scene = null, ActivityOutputs? activity = null)
    {
        var args = new List<string> { "-hide_banner", "-nostdin", "-nostats", "-loglevel", "warning" };
        // How far ffmpeg has written, twice a second, on stdout: what dates a camera's frames (ArrivalClock).
        if (source is not SyntheticCameraSource) args.AddRange(["-progress", "pipe:1", "-stats_period", "0.5"]);
        List<string> audio;
        switch (source)
        {
            case SyntheticCameraSource synthetic:
                scene ??= new SyntheticScene(TimeSpan.Zero);
                args.AddRange(["-re", "-f", "lavfi", "-i", scene.Video(synthetic)]);
                args.AddRange(["-re", "-f", "lavfi", "-i", scene.Sound()]);
                if (fontFile is not null) args.AddRange(["-vf", Clock(fontFile, synthetic.Height, clockEpoch)]);
                var gop = Invariant($"{synthetic.FramesPerSecond * segmentSeconds}");
                AddEncoder(args, ["-g", gop, "-keyint_min", gop]);
                audio = ["-map", "1:a:0", .. Aac(96)];
                break;
            case RtspCameraSource rtsp:
                // TCP: UDP loses packets on busy Wi-Fi and smears the picture. The socket timeout (microseconds) makes a
                // dead camera end ffmpeg instead of leaving it waiting forever.
                args.AddRange(["-rtsp_transport", "tcp", "-timeout", "10000000", "-i", rtsp.ConnectionUrl, "-map", "0:v:0", "-c:v", "copy"]);
                audio = CameraAudio(stream);
                break;
            case V4l2CameraSource v4l2:
                args.AddRange(["-f", "v4l2", "-i", v4l2.DevicePath]);
                AddEncoder(args, KeyframeEvery(segmentSeconds));
                audio = [];
                break;
            case FileCameraSource file:
                args.AddRange(["-re", "-stream_loop", "-1", "-i", file.Path]);
                AddEncoder(args, KeyframeEvery(segmentSeconds));
                audio = stream?.AudioCodec is null ? [] : ["-map", "0:a:0?", .. Aac(128)];
                break;
            default:
                throw new ArgumentException($"No recording arguments for camera source {source}.", nameof(source));
        }

        args.AddRange(audio.Count == 0 ? ["-an"] : audio);
        args.AddRange(Hls(segmentSeconds, cameraDirectory, segmentPrefix, ["program_date_time", "independent_segments", "omit_endlist"]));
        args.Add(Path.Combine(cameraDirectory, "live.m3u8"));
        if (stream is { LiveTranscoded: true }) AddLiveTranscode(args, audio, segmentSeconds, cameraDirectory, segmentPrefix);
        if (activity is not null) AddActivity(args, activity, source is SyntheticCameraSource ? "1:a:0" : "0:a:0");
        return args;
    }

    /// <summary>
    /// The detectors' feeds, as two more outputs of the same ffmpeg (one connection to the camera, one decoder): small
    /// grey frames taken from the picture before anything is drawn on it, and the sound as 16-bit mono, each into a
    /// socket the recorder listens on, each packet as soon as it is made (not when ffmpeg's 32 KB buffer fills: a
    /// second of sound).
    /// </summary>
    private static void AddActivity(List<string> args, ActivityOutputs activity, string soundStream)
    {
        if (activity.FramesUrl is { } frames)
            args.AddRange(["-map", "0:v:0", "-vf", ActivityFeed.FrameFilter(activity.Width, activity.Height), "-fps_mode", "passthrough", "-f", "rawvideo", "-flush_packets", "1", frames]);
        if (activity.SoundUrl is { } sound)
            args.AddRange(["-map", soundStream, "-ac", "1", "-ar", Invariant($"{ActivityFeed.SampleRate}"), "-f", "s16le", "-flush_packets", "1", sound]);
    }

    // AAC is kept as the camera sends it; G.711, PCM and the rest become AAC, which MP4 and every browser carry.
    private static List<string> CameraAudio(CameraStream? stream) => stream?.AudioCodec switch
    {
        null => [],
        // '?': the probe and this run are two sessions; a camera that stopped sending sound in between still records.
        _ when !stream.AudioTranscoded => ["-map", "0:a:0?", "-c:a", "copy"],
        // 48 kHz: G.711 comes at 8 kHz, whose AAC frames (128 ms) are longer than a video frame, so a clip's sound could not end with its picture.
        _ => ["-map", "0:a:0?", .. Aac(64), "-ar", "48000"],
    };

    private static string[] Aac(int kilobits) => ["-c:a", "aac", "-b:a", Invariant($"{kilobits}k")];

    /// <summary>
    /// For a camera browsers cannot play (H.265): a second output of the same ffmpeg, one H.264 encoding for however
    /// many viewers, in its own short playlist whose old segments ffmpeg deletes (the buffer keeps the camera's own).
    /// </summary>
    private static void AddLiveTranscode(List<string> args, List<string> audio, int segmentSeconds, string cameraDirectory, string segmentPrefix)
    {
        var prefix = BufferLayout.LiveTranscodePrefix + segmentPrefix;
        AddEncoder(args, KeyframeEvery(segmentSeconds));
        args.AddRange(audio.Count == 0 ? ["-an"] : audio);
        args.AddRange(Hls(segmentSeconds, cameraDirectory, prefix, ["program_date_time", "delete_segments", "independent_segments", "omit_endlist"]));
        args.Add(Path.Combine(cameraDirectory, BufferLayout.LiveTranscodePrefix + "live.m3u8"));
    }

    private static string[] Hls(int segmentSeconds, string cameraDirectory, string prefix, string[] flags) =>
    [
        "-f", "hls",
        "-hls_time", Invariant($"{segmentSeconds}"),
        "-hls_list_size", Invariant($"{LiveListSize}"),
        // The buffer's output has no delete_segments: retention belongs to the recorder, which knows what the buffer lists.
        "-hls_flags", string.Join('+', flags),
        "-hls_segment_type", "fmp4",
        // Relative to the playlist's folder, which is the camera's.
        "-hls_fmp4_init_filename", InitFileName(prefix),
        "-hls_segment_filename", Path.Combine(cameraDirectory, prefix + "%06d.m4s"),
    ];

    /// <summary>The command line as one string, for the Debug log (quoting only for reading).</summary>
    public static string ToCommandLine(IEnumerable<string> arguments) =>
        "ffmpeg " + string.Join(' ', arguments.Select(a => a.Length > 0 && !a.Any(c => char.IsWhiteSpace(c) || c is '\'' or '"') ? a : $"'{a.Replace("'", "'\\''", StringComparison.Ordinal)}'"));

    private static void AddEncoder(List<string> args, string[] keyframes)
    {
        args.AddRange(["-map", "0:v:0", "-c:v", "libx264", "-preset", "veryfast", "-tune", "zerolatency"]);
        args.AddRange(keyframes);
        // No extra keyframes at scene cuts, so every segment is one whole GOP of the asked length.
        args.AddRange(["-sc_threshold", "0", "-pix_fmt", "yuv420p"]);
    }

    // Webcams and files have frame rates the recorder does not know, so keyframes are placed by time instead.
    private static string[] KeyframeEvery(int segmentSeconds) => ["-force_key_frames", Invariant($"expr:gte(t,n_forced*{segmentSeconds})")];

    // UTC with milliseconds, from the same epoch as the segments' program date-times, so a frame can be checked
    // against its place in the buffer. '\:' keeps a colon from ending the option; the text is quoted for the
    // filter-graph level, which also protects the comma inside mod().
    private static string Clock(string fontFile, int height, DateTime epoch)
    {
        var seconds = new DateTimeOffset(epoch, TimeSpan.Zero).ToUnixTimeSeconds();
        var milliseconds = epoch.Millisecond;
        return Invariant($"drawtext=fontfile={fontFile}:text='%{{pts\\:gmtime\\:{seconds}.{milliseconds:D3}\\:%F %T}}.%{{eif\\:mod(floor(t*1000+{milliseconds}),1000)\\:d\\:3}} UTC':x=12:y=h-th-12:fontsize={Math.Max(12, height / 18)}:fontcolor=white:box=1:boxcolor=black@0.6:boxborderw=6");
    }

    private static string Invariant(FormattableString value) => value.ToString(CultureInfo.InvariantCulture);
}
