using DogMonitor.Domain.Recording;
using DogMonitor.Worker.Ffmpeg;

namespace DogMonitor.Tests.Worker.Ffmpeg;

[Collection(FfmpegCollection.Name)]
public sealed class FastCutTests(BufferSegments segments)
{
    private readonly IClipCutter _cutter = CutterHost.Cutter();

    [Fact]
    public async Task FastClip_CopiesTheCoveringSegmentsUnchanged()
    {
        // 3 s to 8 s lies in segments 1 to 3 (2 s to 8 s).
        var request = new CutRequest(SegmentFile.Standalone(segments.RunA), TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(5), CutMode.Fast, segments.OutputPath("fast"));
        var progress = new ProgressRecorder();

        var result = await _cutter.CutAsync(request, progress, TestContext.Current.CancellationToken);

        Assert.InRange(result.Duration.TotalSeconds, 5.0, 5.0 + 2 * 2.0);
        Assert.Equal(6.0, result.Duration.TotalSeconds, 0.05);
        Assert.Equal([("h264", 150)], await FfmpegTool.StreamsAsync(result.Path));
        Assert.True(Mp4Boxes.IsFaststart(result.Path), $"Boxes: {string.Join(", ", Mp4Boxes.TopLevel(result.Path))}");
        Assert.Equal(1, progress.Values[^1]);
        // Decoded frame for frame identical to the segments': copied, not re-encoded (which changes every frame).
        var expected = new List<string>();
        foreach (var segment in segments.RunA.Skip(1).Take(3)) expected.AddRange(await FfmpegTool.FrameHashesAsync(segment));
        Assert.Equal(expected, await FfmpegTool.FrameHashesAsync(result.Path));
    }

    [Fact]
    public async Task FastClipWithAudio_CopiesAacAndEveryFrame()
    {
        var request = new CutRequest(SegmentFile.Standalone(segments.RunC), TimeSpan.FromSeconds(0.5), TimeSpan.FromSeconds(3), CutMode.Fast, segments.OutputPath("fast-audio"));

        var result = await _cutter.CutAsync(request, null, TestContext.Current.CancellationToken);

        var streams = await FfmpegTool.StreamsAsync(result.Path);
        Assert.Equal(("h264", 100), streams[0]);
        Assert.Equal("aac", streams[1].Codec);
        Assert.InRange(result.Duration.TotalSeconds, 3.5, 4.2);
        Assert.True(Mp4Boxes.IsFaststart(result.Path));
    }
}
