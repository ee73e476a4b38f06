using DogMonitor.Domain.Recording;
using System.Diagnostics;
using DogMonitor.Tests.Infrastructure;
using DogMonitor.Worker.Ffmpeg;
using SkiaSharp;

namespace DogMonitor.Tests.Worker.Ffmpeg;

[Collection(FfmpegCollection.Name)]
public sealed class FrameTests(BufferSegments segments)
{
    private readonly IClipCutter _cutter = CutterHost.Cutter();

    [Fact]
    public async Task GrabFrame_ReturnsTheFullSizeFrameAtTheOffset()
    {
        var watch = Stopwatch.StartNew();
        var jpeg = await _cutter.GrabFrameAsync(SegmentFile.Standalone(segments.RunA), TimeSpan.FromSeconds(3), TestContext.Current.CancellationToken);
        watch.Stop();

        Assert.Equal((640, 360, SKEncodedImageFormat.Jpeg), TestImages.Inspect(jpeg));
        var path = Path.Combine(segments.Directory, $"grab-{Guid.NewGuid():N}.jpg");
        await File.WriteAllBytesAsync(path, jpeg, TestContext.Current.CancellationToken);
        Assert.Equal(75, FrameMatch.Closest(await FfmpegTool.CornerAsync(path), await FrameMatch.AroundAsync(segments.RunA, 75)));
        TestContext.Current.TestOutputHelper?.WriteLine($"GrabFrame took {watch.ElapsedMilliseconds} ms");
    }

    [Fact]
    public async Task GrabFrame_AfterARestart_IsFromTheNewRun()
    {
        IReadOnlyList<string> across = [segments.RunA[5], segments.RunB[0]];

        var jpeg = await _cutter.GrabFrameAsync(SegmentFile.Standalone(across), TimeSpan.FromSeconds(2.2), TestContext.Current.CancellationToken);

        var path = Path.Combine(segments.Directory, $"grab-{Guid.NewGuid():N}.jpg");
        await File.WriteAllBytesAsync(path, jpeg, TestContext.Current.CancellationToken);
        Assert.Equal(5, FrameMatch.Closest(await FfmpegTool.CornerAsync(path), await FrameMatch.AroundAsync(segments.RunB, 5)));
    }

    [Fact]
    public async Task GrabFrame_InsideASegmentsLastFrameInterval_GivesTheNextFrame()
    {
        // 25 fps: the first segment's last frame shows from 1.96 s to 2.00 s; no frame of it starts at 1.98 s.
        IReadOnlyList<string> two = [segments.RunA[0], segments.RunA[1]];

        var jpeg = await _cutter.GrabFrameAsync(SegmentFile.Standalone(two), TimeSpan.FromSeconds(1.98), TestContext.Current.CancellationToken);

        var path = Path.Combine(segments.Directory, $"grab-{Guid.NewGuid():N}.jpg");
        await File.WriteAllBytesAsync(path, jpeg, TestContext.Current.CancellationToken);
        Assert.Equal(50, FrameMatch.Closest(await FfmpegTool.CornerAsync(path), await FrameMatch.AroundAsync(segments.RunA, 50)));
    }

    [Theory]
    [InlineData(1280, 720, 640, 360)]
    [InlineData(720, 1280, 360, 640)]
    [InlineData(320, 180, 320, 180)]
    public async Task MakePreview_FitsTheLongestSideWithoutEnlarging(int width, int height, int expectedWidth, int expectedHeight)
    {
        var video = Path.Combine(segments.Directory, $"preview-source-{width}x{height}-{Guid.NewGuid():N}.mp4");
        await FfmpegTool.RunAsync("ffmpeg", "-v", "error", "-f", "lavfi", "-i", $"testsrc2=size={width}x{height}:rate=25", "-t", "1",
            "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", video);
        var jpegPath = Path.Combine(segments.Directory, "previews", $"{Guid.NewGuid():N}.jpg");

        await _cutter.MakePreviewAsync(video, jpegPath, 640, TestContext.Current.CancellationToken);

        Assert.Equal((expectedWidth, expectedHeight, SKEncodedImageFormat.Jpeg), TestImages.Inspect(await File.ReadAllBytesAsync(jpegPath, TestContext.Current.CancellationToken)));
        Assert.Equal([jpegPath], Directory.GetFiles(Path.GetDirectoryName(jpegPath)!, Path.GetFileName(jpegPath) + "*"));
    }
}
