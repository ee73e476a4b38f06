using DogMonitor.Domain.Cameras;
using DogMonitor.Worker.Recording;

namespace DogMonitor.Tests.Worker.Recording;

public class RecorderArgumentsTests
{
    private const string Font = "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf";
    private static readonly DateTime Epoch = new(2026, 11, 24, 10, 0, 0, 250, DateTimeKind.Utc);

    [Fact]
    public void Synthetic_IsATestPatternWithAClock_EncodedWithAKeyframeStartingEverySegment()
    {
        var args = RecorderArguments.Build(CameraSource.Parse("synthetic:320x240@25"), 2, "/buffer/yard", "seg-20261124T100000000-", Font, Epoch);

        Assert.Equal(["-re", "-f", "lavfi", "-i", "testsrc2=size=320x240:rate=25"], args.SkipWhile(a => a != "-re").Take(5));
        // The clock is drawn from the run's epoch plus each frame's pts, with milliseconds (1795514400 s = 2026-11-24T10:00:00Z).
        Assert.StartsWith($"drawtext=fontfile={Font}:text='%{{pts\\:gmtime\\:1795514400.250\\:%F %T}}.%{{eif\\:mod(floor(t*1000+250),1000)\\:d\\:3}} UTC'", After(args, "-vf"), StringComparison.Ordinal);
        Assert.Equal("libx264", After(args, "-c:v"));
        Assert.Equal("50", After(args, "-g"));
        Assert.Equal("50", After(args, "-keyint_min"));
        Assert.Equal("0", After(args, "-sc_threshold"));
        Assert.Equal("yuv420p", After(args, "-pix_fmt"));
        AssertHlsOutput(args);
    }

    [Fact]
    public void Synthetic_WithoutAFont_LeavesTheClockOut()
    {
        var args = RecorderArguments.Build(CameraSource.Parse("synthetic"), 4, "/buffer/yard", "seg-x-", fontFile: null, Epoch);

        Assert.DoesNotContain("-vf", args);
        Assert.Equal("100", After(args, "-g"));
    }

    [Fact]
    public void Rtsp_IsCopied_NeverReEncoded_OverTcp()
    {
        var args = RecorderArguments.Build(CameraSource.Parse("rtsp://u:p@cam/live"), 2, "/buffer/yard", "seg-x-", Font, Epoch);

        Assert.Equal("tcp", After(args, "-rtsp_transport"));
        Assert.Equal("rtsp://u:p@cam/live", After(args, "-i"));
        Assert.Equal("copy", After(args, "-c:v"));
        Assert.DoesNotContain("libx264", args);
        Assert.DoesNotContain("-re", args);
        AssertHlsOutput(args);
    }

    [Theory]
    [InlineData("v4l2:/dev/video0", new[] { "-f", "v4l2", "-i", "/dev/video0" })]
    [InlineData("file:/videos/dog.mp4", new[] { "-re", "-stream_loop", "-1", "-i", "/videos/dog.mp4" })]
    public void WebcamsAndFiles_AreEncodedWithKeyframesByTime(string source, string[] input)
    {
        var args = RecorderArguments.Build(CameraSource.Parse(source), 3, "/buffer/yard", "seg-x-", Font, Epoch);

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

    private static void AssertHlsOutput(IReadOnlyList<string> args)
    {
        Assert.Equal("hls", After(args, "-f", last: true));
        Assert.Equal("2", After(args, "-hls_time"));
        Assert.Equal("6", After(args, "-hls_list_size"));
        Assert.Equal("program_date_time+independent_segments+omit_endlist", After(args, "-hls_flags"));
        Assert.Matches("^/buffer/yard/seg-.+-%06d\\.ts$", After(args, "-hls_segment_filename"));
        Assert.Equal("/buffer/yard/live.m3u8", args[^1]);
        Assert.Contains("-an", args);
        Assert.Contains("-nostdin", args);
    }

    private static string After(IReadOnlyList<string> args, string option, bool last = false)
    {
        var index = last ? args.ToList().LastIndexOf(option) : args.ToList().IndexOf(option);
        Assert.True(index >= 0 && index + 1 < args.Count, $"{option} is missing from: {string.Join(' ', args)}");
        return args[index + 1];
    }
}
