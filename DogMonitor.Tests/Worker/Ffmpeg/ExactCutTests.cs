using DogMonitor.Domain.Recording;
using DogMonitor.Worker.Ffmpeg;

namespace DogMonitor.Tests.Worker.Ffmpeg;

[Collection(FfmpegCollection.Name)]
public sealed class ExactCutTests(BufferSegments segments)
{
    private const double OneFrame = 1.0 / BufferSegments.FramesPerSecond;
    private readonly IClipCutter _cutter = CutterHost.Cutter();

    [Fact]
    public async Task FiveSecondClip_LastsFiveSecondsAsFaststartH264()
    {
        var request = new CutRequest(SegmentFile.Standalone(segments.RunA), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5), CutMode.Exact, segments.OutputPath("exact"));

        var result = await _cutter.CutAsync(request, null, TestContext.Current.CancellationToken);

        Assert.Equal(request.OutputPath, result.Path);
        Assert.Equal(5.0, result.Duration.TotalSeconds, OneFrame);
        Assert.Equal(5.0, await FfmpegTool.DurationAsync(result.Path), OneFrame);
        Assert.Equal([("h264", 125)], await FfmpegTool.StreamsAsync(result.Path));
        Assert.Equal((640, 360), (result.Width, result.Height));
        Assert.Equal(new FileInfo(result.Path).Length, result.SizeBytes);
        Assert.True(Mp4Boxes.IsFaststart(result.Path), $"Boxes: {string.Join(", ", Mp4Boxes.TopLevel(result.Path))}");
        Assert.Equal([Path.GetFileName(result.Path)], Directory.GetFiles(Path.GetDirectoryName(result.Path)!, Path.GetFileName(result.Path) + "*").Select(Path.GetFileName));
    }

    [Theory]
    [InlineData(0.0, 0)]
    [InlineData(2.44, 61)]
    [InlineData(3.0, 75)]
    public async Task Clip_StartsOnTheAskedFrame(double startSeconds, int expectedFrame)
    {
        var request = new CutRequest(SegmentFile.Standalone(segments.RunA), TimeSpan.FromSeconds(startSeconds), TimeSpan.FromSeconds(1), CutMode.Exact, segments.OutputPath("start"));

        var result = await _cutter.CutAsync(request, null, TestContext.Current.CancellationToken);

        var first = await FfmpegTool.CornerAsync(result.Path);
        Assert.Equal(expectedFrame, FrameMatch.Closest(first, await FrameMatch.AroundAsync(segments.RunA, expectedFrame)));
        Assert.Equal(1.0, result.Duration.TotalSeconds, OneFrame);
    }

    [Fact]
    public async Task ClipAcrossARecorderRestart_FollowsOnFrameToFrame()
    {
        // A's last two segments, then B's first two: B's timestamps start again from where A's started.
        IReadOnlyList<string> across = [segments.RunA[4], segments.RunA[5], segments.RunB[0], segments.RunB[1]];
        var request = new CutRequest(SegmentFile.Standalone(across), TimeSpan.FromSeconds(2.4), TimeSpan.FromSeconds(3), CutMode.Exact, segments.OutputPath("restart"));

        var result = await _cutter.CutAsync(request, null, TestContext.Current.CancellationToken);

        Assert.Equal(3.0, result.Duration.TotalSeconds, OneFrame);
        Assert.Equal([("h264", 75)], await FfmpegTool.StreamsAsync(result.Path));
        // 2.4 s in is A's frame 260; 1.6 s later (clip frame 40) the restart: B's first frame.
        Assert.Equal(260, FrameMatch.Closest(await FfmpegTool.CornerAsync(result.Path, 0), await FrameMatch.AroundAsync(segments.RunA, 260)));
        Assert.Equal(0, FrameMatch.Closest(await FfmpegTool.CornerAsync(result.Path, 40), await FrameMatch.AroundAsync(segments.RunB, 0)));
        Assert.Equal(1, FrameMatch.Closest(await FfmpegTool.CornerAsync(result.Path, 41), await FrameMatch.AroundAsync(segments.RunB, 1)));
    }

    [Fact]
    public async Task ClipWithAudio_KeepsAacAndEveryFrame()
    {
        var request = new CutRequest(SegmentFile.Standalone(segments.RunC), TimeSpan.FromSeconds(1.52), TimeSpan.FromSeconds(3), CutMode.Exact, segments.OutputPath("audio"));

        var result = await _cutter.CutAsync(request, null, TestContext.Current.CancellationToken);

        Assert.Equal(3.0, result.Duration.TotalSeconds, OneFrame);
        var streams = await FfmpegTool.StreamsAsync(result.Path);
        Assert.Equal(("h264", 75), streams[0]);
        Assert.Equal("aac", streams[1].Codec);
        // Each segment's audio starts before its video; without correcting for it every boundary would drop frames.
        Assert.Equal(38, FrameMatch.Closest(await FfmpegTool.CornerAsync(result.Path, 0), await FrameMatch.AroundAsync(segments.RunC, 38)));
        Assert.Equal(100, FrameMatch.Closest(await FfmpegTool.CornerAsync(result.Path, 62), await FrameMatch.AroundAsync(segments.RunC, 100)));
    }

    [Fact]
    public async Task Progress_RisesToOneAtMostFourTimesASecond()
    {
        // A slower preset, so the cut lasts long enough for ffmpeg to report along the way.
        var cutter = CutterHost.Cutter(new Dictionary<string, string?> { ["Ffmpeg:Preset"] = "medium" });
        var reports = new ProgressRecorder();
        var request = new CutRequest(SegmentFile.Standalone(segments.RunA), TimeSpan.FromSeconds(0.5), TimeSpan.FromSeconds(11), CutMode.Exact, segments.OutputPath("progress"));
        var started = DateTime.UtcNow;

        await cutter.CutAsync(request, reports, TestContext.Current.CancellationToken);

        var elapsed = DateTime.UtcNow - started;
        Assert.Equal(0, reports.Values[0]);
        Assert.Equal(1, reports.Values[^1]);
        Assert.True(reports.Values.Zip(reports.Values.Skip(1)).All(pair => pair.First < pair.Second), string.Join(", ", reports.Values));
        Assert.True(reports.Values.Count >= 3, $"Only {string.Join(", ", reports.Values)} was reported.");
        Assert.True(reports.Values.Count <= 2 + (int)Math.Ceiling(elapsed.TotalSeconds * 4), $"{reports.Values.Count} reports in {elapsed}.");
    }
}
