using DogMonitor.Domain.Cameras;
using DogMonitor.Domain.Recording;
using DogMonitor.Worker.Recording;

namespace DogMonitor.Tests.Worker.Recording;

public class RecorderArgumentsTests
{
    private const string Font = "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf";
    private static readonly DateTime Epoch = new(2026, 11, 24, 10, 0, 0, 250, DateTimeKind.Utc);

    [Fact]
    public void Synthetic_IsAStillRoomWithAClock_EncodedWithAKeyframeStartingEverySegment()
    {
        var scene = new SyntheticScene(TimeSpan.Zero);
        var args = RecorderArguments.Build(CameraSource.Parse("synthetic:320x240@25"), null, 2, "/buffer/yard", "seg-20261124T100000000-", Font, Epoch, scene);

        Assert.Equal(["-re", "-f", "lavfi", "-i", scene.Video(new SyntheticCameraSource(320, 240, 25))], args.SkipWhile(a => a != "-re").Take(5));
        Assert.StartsWith("color=c=0x46505a:s=320x240:r=25,", After(args, "-i"), StringComparison.Ordinal);
        // The clock is drawn from the run's epoch plus each frame's pts, with milliseconds (1795514400 s = 2026-11-24T10:00:00Z).
        Assert.StartsWith($"drawtext=fontfile={Font}:text='%{{pts\\:gmtime\\:1795514400.250\\:%F %T}}.%{{eif\\:mod(floor(t*1000+250),1000)\\:d\\:3}} UTC'", After(args, "-vf"), StringComparison.Ordinal);
        Assert.Equal("libx264", After(args, "-c:v"));
        Assert.Equal("50", After(args, "-g"));
        Assert.Equal("50", After(args, "-keyint_min"));
        Assert.Equal("0", After(args, "-sc_threshold"));
        Assert.Equal("yuv420p", After(args, "-pix_fmt"));
        // Its sound: a second lavfi input, a quiet tone, as AAC.
        Assert.Equal(scene.Sound(), args[args.ToList().LastIndexOf("-i") + 1]);
        Assert.Equal("1:a:0", args[args.ToList().LastIndexOf("-map") + 1]);
        Assert.Equal("aac", After(args, "-c:a"));
        AssertHlsOutput(args, sound: true);
    }

    [Fact]
    public void TheSyntheticScenesScript_RunsAShapeAQuarterIn_AndBarksThreeQuartersIn()
    {
        var scene = new SyntheticScene(TimeSpan.FromSeconds(40));

        Assert.Contains("enable='between(mod(t,40),10,14)'", scene.Video(new SyntheticCameraSource(320, 240, 25)), StringComparison.Ordinal);
        Assert.Contains("between(mod(t,40),30,31.5)", scene.Sound(), StringComparison.Ordinal);
        Assert.DoesNotContain("between", new SyntheticScene(TimeSpan.Zero).Sound(), StringComparison.Ordinal);
    }

    [Fact]
    public void ActivityFeeds_AreTwoMoreOutputs_GreyFramesBeforeTheClock_AndMonoSound()
    {
        var outputs = new ActivityOutputs("unix:/tmp/a/frames", "unix:/tmp/a/sound", 1280, 720);

        var synthetic = RecorderArguments.Build(CameraSource.Parse("synthetic"), null, 2, "/buffer/yard", "seg-x-", Font, Epoch, new SyntheticScene(TimeSpan.Zero), outputs).ToList();
        var rtsp = RecorderArguments.Build(CameraSource.Parse("rtsp://cam/live"), Stream("h264", "aac"), 2, "/buffer/yard", "seg-x-", Font, Epoch, activity: outputs).ToList();

        foreach (var args in new[] { synthetic, rtsp })
        {
            var frames = args.IndexOf("unix:/tmp/a/frames");
            Assert.Equal(["-map", "0:v:0", "-vf", "select='isnan(prev_selected_t)+gte(t-prev_selected_t,0.19)',scale=160:90:flags=area,format=gray",
                "-fps_mode", "passthrough", "-f", "rawvideo", "-flush_packets", "1"], args[(frames - 10)..frames]);
            var sound = args.IndexOf("unix:/tmp/a/sound");
            Assert.Equal(["-ac", "1", "-ar", "16000", "-f", "s16le", "-flush_packets", "1"], args[(sound - 8)..sound]);
        }
        Assert.Equal("1:a:0", synthetic[synthetic.IndexOf("unix:/tmp/a/sound") - 9]);
        Assert.Equal("0:a:0", rtsp[rtsp.IndexOf("unix:/tmp/a/sound") - 9]);
        Assert.Equal("copy", After(rtsp, "-c:v")); // the recording itself is still the camera's own stream
    }

    [Fact]
    public void Synthetic_WithoutAFont_LeavesTheClockOut()
    {
        var args = RecorderArguments.Build(CameraSource.Parse("synthetic"), null, 4, "/buffer/yard", "seg-x-", fontFile: null, Epoch);

        Assert.DoesNotContain("-vf", args);
        Assert.Equal("100", After(args, "-g"));
    }

    [Fact]
    public void Rtsp_IsCopied_NeverReEncoded_OverTcp()
    {
        var args = RecorderArguments.Build(CameraSource.Parse("rtsp://u:p@cam/live"), Stream("h264", null), 2, "/buffer/yard", "seg-x-", Font, Epoch);

        Assert.Equal("tcp", After(args, "-rtsp_transport"));
        Assert.Equal("rtsp://u:p@cam/live", After(args, "-i"));
        Assert.Equal("copy", After(args, "-c:v"));
        Assert.DoesNotContain("libx264", args);
        Assert.DoesNotContain("-re", args);
        AssertHlsOutput(args, sound: false);
    }

    [Fact]
    public void RtspWithAac_KeepsTheSoundAsSent()
    {
        var args = RecorderArguments.Build(CameraSource.Parse("rtsp://cam/live"), Stream("h264", "aac"), 2, "/buffer/yard", "seg-x-", Font, Epoch);

        Assert.Equal("0:a:0?", args[args.ToList().LastIndexOf("-map") + 1]);
        Assert.Equal("copy", After(args, "-c:a"));
        AssertHlsOutput(args, sound: true);
    }

    [Theory]
    [InlineData("pcm_alaw")]
    [InlineData("pcm_mulaw")]
    [InlineData("pcm_s16be")]
    public void RtspWithOtherSound_MakesItAac_At48kHz(string codec)
    {
        var args = RecorderArguments.Build(CameraSource.Parse("rtsp://cam/live"), Stream("h264", codec), 2, "/buffer/yard", "seg-x-", Font, Epoch);

        Assert.Equal("aac", After(args, "-c:a"));
        Assert.Equal("48000", After(args, "-ar"));
        AssertHlsOutput(args, sound: true);
    }

    [Fact]
    public void RtspH265_IsCopiedIntoTheBuffer_AndEncodedOnceAsH264ForTheLiveView()
    {
        var args = RecorderArguments.Build(CameraSource.Parse("rtsp://cam/live"), Stream("hevc", "pcm_alaw"), 2, "/buffer/yard", "seg-x-", Font, Epoch);

        var live = args.ToList().IndexOf("/buffer/yard/live.m3u8");
        var buffer = args.Take(live + 1).ToList();
        var viewers = args.Skip(live + 1).ToList();
        Assert.Equal("copy", After(buffer, "-c:v"));
        AssertHlsOutput(buffer, sound: true);
        Assert.Equal("libx264", After(viewers, "-c:v"));
        Assert.Equal("expr:gte(t,n_forced*2)", After(viewers, "-force_key_frames"));
        Assert.Equal("aac", After(viewers, "-c:a"));
        Assert.Equal("program_date_time+delete_segments+independent_segments+omit_endlist", After(viewers, "-hls_flags"));
        Assert.Equal("h264-seg-x-init.mp4", After(viewers, "-hls_fmp4_init_filename"));
        Assert.Equal("/buffer/yard/h264-seg-x-%06d.m4s", After(viewers, "-hls_segment_filename"));
        Assert.Equal("/buffer/yard/h264-live.m3u8", viewers[^1]);
    }

    [Fact]
    public void FileWithSound_KeepsIt_AsAac()
    {
        var args = RecorderArguments.Build(CameraSource.Parse("file:/videos/dog.mp4"), Stream("h264", "mp3"), 2, "/buffer/yard", "seg-x-", Font, Epoch);

        Assert.Equal("aac", After(args, "-c:a"));
        AssertHlsOutput(args, sound: true);
    }

    [Theory]
    [InlineData("v4l2:/dev/video0", new[] { "-f", "v4l2", "-i", "/dev/video0" })]
    [InlineData("file:/videos/dog.mp4", new[] { "-re", "-stream_loop", "-1", "-i", "/videos/dog.mp4" })]
    public void WebcamsAndFiles_AreEncodedWithKeyframesByTime(string source, string[] input)
    {
        var args = RecorderArguments.Build(CameraSource.Parse(source), null, 3, "/buffer/yard", "seg-x-", Font, Epoch);

        Assert.Equal(input, args.SkipWhile(a => a != input[0]).Take(input.Length));
        Assert.Equal("libx264", After(args, "-c:v"));
        Assert.Equal("expr:gte(t,n_forced*3)", After(args, "-force_key_frames"));
        Assert.DoesNotContain("-vf", args);
    }

    [Fact]
    public void CommandLine_QuotesWhatAShellWouldSplit()
    {
        Assert.Equal("ffmpeg -i 'a b' -vf 'x='\\''y'\\''' -y", RecorderArguments.ToCommandLine(["-i", "a b", "-vf", "x='y'", "-y"]));
    }

    private static CameraStream Stream(string video, string? audio) =>
        new(video, null, 640, 360, 25, audio, audio is null ? null : 8000, audio is not null and not "aac", video != "h264");

    private static void AssertHlsOutput(IReadOnlyList<string> args, bool sound = false)
    {
        Assert.Equal("hls", After(args, "-f", last: true));
        Assert.Equal("2", After(args, "-hls_time"));
        Assert.Equal("6", After(args, "-hls_list_size"));
        Assert.Equal("program_date_time+independent_segments+omit_endlist", After(args, "-hls_flags"));
        Assert.Equal("fmp4", After(args, "-hls_segment_type"));
        Assert.Matches("^seg-.+-init\\.mp4$", After(args, "-hls_fmp4_init_filename"));
        Assert.Matches("^/buffer/yard/seg-.+-%06d\\.m4s$", After(args, "-hls_segment_filename"));
        Assert.Equal("/buffer/yard/live.m3u8", args[^1]);
        Assert.Equal(!sound, args.Contains("-an"));
        Assert.Contains("-nostdin", args);
    }

    private static string After(IReadOnlyList<string> args, string option, bool last = false)
    {
        var index = last ? args.ToList().LastIndexOf(option) : args.ToList().IndexOf(option);
        Assert.True(index >= 0 && index + 1 < args.Count, $"{option} is missing from: {string.Join(' ', args)}");
        return args[index + 1];
    }
}
