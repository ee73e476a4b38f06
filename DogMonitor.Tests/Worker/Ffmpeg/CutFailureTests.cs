using DogMonitor.Domain.Recording;
using System.Diagnostics;
using DogMonitor.Worker.Ffmpeg;

namespace DogMonitor.Tests.Worker.Ffmpeg;

[Collection(FfmpegCollection.Name)]
public sealed class CutFailureTests(BufferSegments segments)
{
    private readonly IClipCutter _cutter = CutterHost.Cutter();

    [Fact]
    public async Task CancellingACut_StopsFfmpegAtOnceAndLeavesNoFile()
    {
        // The slowest preset, so the cut is still running when it is cancelled.
        var cutter = CutterHost.Cutter(new Dictionary<string, string?> { ["Ffmpeg:Preset"] = "veryslow" });
        using var cancellation = new CancellationTokenSource();
        var cancelledAt = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        var progress = new ProgressRecorder(value =>
        {
            if (value is > 0 and < 1 && cancelledAt.TrySetResult(Stopwatch.GetTimestamp())) cancellation.Cancel();
        });
        var request = new CutRequest(SegmentFile.Standalone(segments.RunA), TimeSpan.Zero, TimeSpan.FromSeconds(12), CutMode.Exact, segments.OutputPath("cancelled"));

        var cut = cutter.CutAsync(request, progress, cancellation.Token);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cut);
        Assert.True(cancelledAt.Task.IsCompleted, $"The cut ended before it was cancelled; progress: {string.Join(", ", progress.Values)}");
        var stoppedAfter = Stopwatch.GetElapsedTime(await cancelledAt.Task);
        Assert.True(stoppedAfter < TimeSpan.FromSeconds(2), $"The cut took {stoppedAfter} to stop.");
        Assert.Empty(FfmpegTool.ProcessesMentioning(request.OutputPath));
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(request.OutputPath)!, Path.GetFileName(request.OutputPath) + "*"));
    }

    [Fact]
    public async Task ProgressHandlerThatThrows_FailsTheCutWithoutHangingIt()
    {
        var progress = new ProgressRecorder(value =>
        {
            if (value > 0) throw new InvalidOperationException("The progress handler broke.");
        });
        var request = new CutRequest(SegmentFile.Standalone(segments.RunA), TimeSpan.Zero, TimeSpan.FromSeconds(4), CutMode.Fast, segments.OutputPath("handler"));
        var watch = Stopwatch.StartNew();

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => _cutter.CutAsync(request, progress, TestContext.Current.CancellationToken));

        Assert.Equal("The progress handler broke.", failure.Message);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"The cut took {watch.Elapsed}.");
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(request.OutputPath)!, Path.GetFileName(request.OutputPath) + "*"));
    }

    [Fact]
    public async Task CorruptSegment_ThrowsFfmpegExceptionWithItsStderr()
    {
        var junk = Path.Combine(segments.Directory, $"junk-{Guid.NewGuid():N}.ts");
        await File.WriteAllBytesAsync(junk, Enumerable.Range(0, 100_000).Select(i => (byte)(i * 7919 % 251)).ToArray(), TestContext.Current.CancellationToken);
        var request = new CutRequest(SegmentFile.Standalone([junk]), TimeSpan.Zero, TimeSpan.FromSeconds(1), CutMode.Exact, segments.OutputPath("junk"));

        var failure = await Assert.ThrowsAsync<FfmpegException>(() => _cutter.CutAsync(request, null, TestContext.Current.CancellationToken));

        Assert.Contains("Invalid data found when processing input", failure.StderrTail, StringComparison.Ordinal);
        Assert.Contains(junk, failure.StderrTail, StringComparison.Ordinal);
        Assert.False(File.Exists(request.OutputPath));
    }

    [Fact]
    public async Task CorruptSegmentAmongGoodOnes_IsNamedNotSkipped()
    {
        var junk = Path.Combine(segments.Directory, $"junk-{Guid.NewGuid():N}.ts");
        await File.WriteAllBytesAsync(junk, new byte[50_000], TestContext.Current.CancellationToken);
        var request = new CutRequest(SegmentFile.Standalone([segments.RunA[0], junk, segments.RunA[1]]), TimeSpan.Zero, TimeSpan.FromSeconds(5), CutMode.Fast, segments.OutputPath("junk"));

        var failure = await Assert.ThrowsAsync<FfmpegException>(() => _cutter.CutAsync(request, null, TestContext.Current.CancellationToken));

        Assert.Contains("1 of the 3 segments", failure.Message, StringComparison.Ordinal);
        Assert.Contains(junk, failure.StderrTail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissingSegment_IsNamed()
    {
        var missing = Path.Combine(segments.Directory, "gone.ts");
        var request = new CutRequest(SegmentFile.Standalone([segments.RunA[0], missing]), TimeSpan.Zero, TimeSpan.FromSeconds(3), CutMode.Exact, segments.OutputPath("missing"));

        var failure = await Assert.ThrowsAsync<FileNotFoundException>(() => _cutter.CutAsync(request, null, TestContext.Current.CancellationToken));

        Assert.Equal(missing, failure.FileName);
    }

    [Theory]
    [InlineData(10.0, 5.0)]
    [InlineData(12.5, 1.0)]
    public async Task RangePastTheSegments_IsRefusedWithASentence(double start, double duration)
    {
        var request = new CutRequest(SegmentFile.Standalone(segments.RunA), TimeSpan.FromSeconds(start), TimeSpan.FromSeconds(duration), CutMode.Exact, segments.OutputPath("past"));

        var failure = await Assert.ThrowsAsync<ArgumentException>(() => _cutter.CutAsync(request, null, TestContext.Current.CancellationToken));

        Assert.Contains("The segments hold 12.000000 s of video", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GrabFramePastTheSegments_IsRefused()
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => _cutter.GrabFrameAsync(SegmentFile.Standalone(segments.RunB), TimeSpan.FromSeconds(6), TestContext.Current.CancellationToken));
    }
}
