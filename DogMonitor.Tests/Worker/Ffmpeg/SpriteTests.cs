using DogMonitor.Domain.Clips;
using DogMonitor.Tests.Infrastructure;
using DogMonitor.Tests.Web.Clips.Trim;
using DogMonitor.Worker.Ffmpeg;

namespace DogMonitor.Tests.Worker.Ffmpeg;

/// <summary>The scrub strip: ten small frames side by side, each from the middle of its tenth of the clip.</summary>
public sealed class SpriteTests
{
    private readonly IClipCutter _cutter = CutterHost.Cutter();

    [Fact]
    public async Task AStripHoldsTenFramesEachFromTheMiddleOfItsTenth()
    {
        var video = await SourceClips.VideoAsync(10);
        var path = Path.Combine(Path.GetTempPath(), $"sprite-{Guid.NewGuid():N}.jpg");

        await _cutter.MakeSpriteAsync(video, path, ClipRules.SpriteFrames, ClipRules.SpriteFrameWidth, TestContext.Current.CancellationToken);

        var strip = await FfprobeInfo.ProbeAsync(await File.ReadAllBytesAsync(path, TestContext.Current.CancellationToken));
        Assert.Equal(("mjpeg", 1600, 90), (strip.Codec, strip.Width, strip.Height));
        // The fourth tenth is 3 s to 4 s: its frame is the one at 3.5 s (frame 88 at 25 fps), not a second either side.
        var tile = await FfmpegTool.RunAsync("ffmpeg", "-v", "error", "-i", path, "-vf", "crop=160:90:480:0,format=gray", "-f", "rawvideo", "pipe:1");
        var candidates = new Dictionary<int, byte[]>();
        foreach (var n in new[] { 63, 88, 113 })
            candidates[n] = await FfmpegTool.RunAsync("ffmpeg", "-v", "error", "-i", video, "-vf", $"select=eq(n\\,{n}),scale=160:90,format=gray",
                "-frames:v", "1", "-f", "rawvideo", "pipe:1");
        Assert.Equal(88, FrameMatch.Closest(tile, candidates));
        File.Delete(path);
    }

    [Fact]
    public async Task AClipOfOneSecondStillGivesAWholeStrip()
    {
        var video = await SourceClips.VideoAsync(1);
        var path = Path.Combine(Path.GetTempPath(), $"sprite-{Guid.NewGuid():N}.jpg");

        await _cutter.MakeSpriteAsync(video, path, ClipRules.SpriteFrames, ClipRules.SpriteFrameWidth, TestContext.Current.CancellationToken);

        Assert.Equal((1600, 90, SkiaSharp.SKEncodedImageFormat.Jpeg), TestImages.Inspect(await File.ReadAllBytesAsync(path, TestContext.Current.CancellationToken)));
        File.Delete(path);
    }

    [Fact]
    public async Task NoVideoIsAFileNotFound() =>
        await Assert.ThrowsAsync<FileNotFoundException>(() =>
            _cutter.MakeSpriteAsync("/nonexistent/video.mp4", Path.GetTempFileName(), 10, 160, TestContext.Current.CancellationToken));
}
