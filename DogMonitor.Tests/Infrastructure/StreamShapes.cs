using System.Globalization;

namespace DogMonitor.Tests.Infrastructure;

/// <summary>The video a test camera sends. Every one runs at 25 frames a second.</summary>
public enum TestVideo
{
    /// <summary>H.264 Constrained Baseline, no B-frames, a key frame every 2 s: a cheap camera's stream.</summary>
    H264Baseline,

    /// <summary>H.264 Main with 2 B-frames, a key frame every 4 s: packets arrive out of presentation order.</summary>
    H264BFrames,

    /// <summary>H.265 Main with 2 B-frames, a key frame every 4 s: browsers cannot play it.</summary>
    H265BFrames,
}

/// <summary>The sound a test camera sends, mono.</summary>
public enum TestAudio
{
    None,

    /// <summary>G.711 A-law at 8 kHz (alawenc takes nothing else: 16 kHz made the server answer 503).</summary>
    Pcma,

    /// <summary>G.711 µ-law at 8 kHz.</summary>
    Pcmu,

    /// <summary>AAC-LC at 16 kHz, as mpeg4-generic RTP (RFC 3640), which most cameras send.</summary>
    Aac,
}

/// <summary>
/// The shape of a test camera's stream — video codec, sound, picture size — as a GStreamer launch line for
/// <see cref="RtspTestServer"/>, with what ffprobe should call its codecs. The picture is videotestsrc's moving ball,
/// the sound a 440 Hz tone.
/// </summary>
public sealed record StreamShape(TestVideo Video, TestAudio Audio, int Width = 640, int Height = 360)
{
    public const int FramesPerSecond = 25;

    /// <summary>Every video with every sound at 640x360: the twelve shapes a recorder has to cope with.</summary>
    public static IReadOnlyList<StreamShape> All { get; } =
        [.. from video in Enum.GetValues<TestVideo>() from audio in Enum.GetValues<TestAudio>() select new StreamShape(video, audio)];

    /// <summary>A readable name for test output: <c>h264-bframes+pcma</c>, <c>h265-bframes+aac@1920x1080</c>.</summary>
    public string Name => $"{VideoName}+{Audio.ToString().ToLowerInvariant()}" + (Width == 640 && Height == 360 ? "" : $"@{Width}x{Height}");

    /// <summary>The shape <see cref="Name"/> names, at 640x360.</summary>
    public static StreamShape Named(string name) =>
        All.SingleOrDefault(shape => shape.Name == name) ?? throw new ArgumentException($"No stream shape is named {name}.", nameof(name));

    /// <summary>ffprobe's name for the video codec: <c>h264</c> or <c>hevc</c>.</summary>
    public string ExpectedVideoCodec => Video == TestVideo.H265BFrames ? "hevc" : "h264";

    /// <summary>ffprobe's name for the audio codec, or null when the camera sends no sound.</summary>
    public string? ExpectedAudioCodec => Audio switch
    {
        TestAudio.Pcma => "pcm_alaw",
        TestAudio.Pcmu => "pcm_mulaw",
        TestAudio.Aac => "aac",
        _ => null,
    };

    /// <summary>The audio's sample rate in Hz, or null without sound.</summary>
    public int? AudioSampleRate => Audio switch
    {
        TestAudio.None => null,
        TestAudio.Aac => 16000,
        _ => 8000,
    };

    public bool HasBFrames => Video != TestVideo.H264Baseline;

    /// <summary>Seconds from one key frame to the next.</summary>
    public int KeyFrameSeconds => Video == TestVideo.H264Baseline ? 2 : 4;

    /// <summary>The launch line for <c>rtsp_server.py --launch</c>: the video's payloader is pay0, the sound's pay1.</summary>
    public string Launch
    {
        get
        {
            var size = string.Create(CultureInfo.InvariantCulture, $"width={Width},height={Height},framerate={FramesPerSecond}/1");
            var keyInterval = (KeyFrameSeconds * FramesPerSecond).ToString(CultureInfo.InvariantCulture);
            // x264's zerolatency tuning turns B-frames off, so the B-frame stream goes without it; it also cuts each frame
            // into slices, one a thread, and the payloader's SPS/PPS before each IDR slice (config-interval=-1, as cameras
            // send them) then splits a key frame in two for ffmpeg (two packets with one DTS), hence sliced-threads=false.
            // x265's zerolatency keeps B-frames when its lookahead is longer than a run of them (else no encoder: 503).
            var video = Video switch
            {
                TestVideo.H264Baseline =>
                    $"x264enc speed-preset=ultrafast tune=zerolatency sliced-threads=false key-int-max={keyInterval} bframes=0 ! video/x-h264,profile=constrained-baseline ! rtph264pay",
                TestVideo.H264BFrames =>
                    $"x264enc speed-preset=ultrafast key-int-max={keyInterval} bframes=2 b-adapt=false ! video/x-h264,profile=main ! rtph264pay",
                _ =>
                    $"x265enc speed-preset=ultrafast tune=zerolatency key-int-max={keyInterval} option-string=\"bframes=2:b-adapt=0:rc-lookahead=3\" ! video/x-h265,profile=main ! rtph265pay",
            };
            var audio = Audio switch
            {
                TestAudio.Pcma => " audiotestsrc is-live=true freq=440 volume=0.3 ! audioconvert ! audio/x-raw,rate=8000,channels=1 ! alawenc ! rtppcmapay name=pay1 pt=8",
                TestAudio.Pcmu => " audiotestsrc is-live=true freq=440 volume=0.3 ! audioconvert ! audio/x-raw,rate=8000,channels=1 ! mulawenc ! rtppcmupay name=pay1 pt=0",
                TestAudio.Aac => " audiotestsrc is-live=true freq=440 volume=0.3 ! audioconvert ! audio/x-raw,rate=16000,channels=1 ! voaacenc bitrate=32000 ! rtpmp4gpay name=pay1 pt=97",
                _ => "",
            };
            return $"( videotestsrc is-live=true pattern=ball ! video/x-raw,{size} ! {video} name=pay0 pt=96 config-interval=-1{audio} )";
        }
    }

    public override string ToString() => Name;

    private string VideoName => Video switch
    {
        TestVideo.H264Baseline => "h264-baseline",
        TestVideo.H264BFrames => "h264-bframes",
        _ => "h265-bframes",
    };
}
