using System.Globalization;
using DogMonitor.Worker.Ffmpeg;

namespace DogMonitor.Tests.Worker.Ffmpeg;

public sealed class CutArgumentsTests
{
    [Fact]
    public void Exact_WritesTimesTheSameWayInEveryCulture()
    {
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
        try
        {
            var args = CutArguments.Exact("/tmp/l.ffconcat", "/clips/c.mp4", TimeSpan.FromSeconds(3.04), TimeSpan.FromSeconds(5), withAudio: true, new FfmpegOptions { Threads = 2 });

            Assert.Contains("trim=start=3.040000:duration=5.000000,setpts=PTS-STARTPTS", args);
            Assert.Contains("atrim=start=3.040000:duration=5.000000,asetpts=PTS-STARTPTS", args);
            Assert.Equal(["-threads", "2"], args.SkipWhile(a => a != "-threads").Take(2));
            Assert.Equal(["-movflags", "+faststart", "-f", "mp4", "/clips/c.mp4"], args.TakeLast(5));
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Theory]
    [InlineData(null, "")]
    [InlineData("aac", "-map 0:a:0 -c:a copy -bsf:a aac_adtstoasc")]
    [InlineData("pcm_alaw", "-map 0:a:0 -c:a aac -b:a 128k")]
    public void Fast_CopiesVideoAndKeepsAudioMp4Can(string? audioCodec, string expectedAudio)
    {
        var args = string.Join(' ', CutArguments.Fast("/tmp/l.ffconcat", "/clips/c.mp4", audioCodec));

        Assert.Contains("-map 0:v:0 -c:v copy", args, StringComparison.Ordinal);
        Assert.Contains($"-c:v copy {expectedAudio}".TrimEnd() + " -movflags +faststart", args, StringComparison.Ordinal);
        Assert.DoesNotContain("libx264", args, StringComparison.Ordinal);
    }

    [Fact]
    public void Fast_WithOptionsToEncode_MakesH264FrameForFrame()
    {
        var args = string.Join(' ', CutArguments.Fast("/tmp/l.ffconcat", "/clips/c.mp4", "aac", new FfmpegOptions { Preset = "ultrafast", Crf = 20 }));

        Assert.Contains("-map 0:v:0 -fps_mode vfr -c:v libx264 -preset ultrafast -crf 20 -pix_fmt yuv420p", args, StringComparison.Ordinal);
        Assert.Contains("-c:a copy", args, StringComparison.Ordinal);
    }

    [Fact]
    public void Fast_KeepingH265_TagsItAsApplesPlayersNeed()
    {
        var args = string.Join(' ', CutArguments.Fast("/tmp/l.ffconcat", "/clips/c.mp4", null, encodeVideo: null, videoCodec: "hevc"));

        Assert.Contains("-map 0:v:0 -c:v copy -tag:v hvc1", args, StringComparison.Ordinal);
    }
}
