using System.Diagnostics;
using System.Text;
using DogMonitor.Domain.Recording;
using Microsoft.Extensions.Options;

namespace DogMonitor.Worker.Ffmpeg;

/// <summary>
/// <see cref="IClipCutter"/> over ffmpeg's concat demuxer. Each call first scans the segments with one ffprobe run
/// (<see cref="SegmentTimeline"/>) to know where each segment's video lies, so a cut reads only the segments it needs
/// and the segments follow each other frame to frame, across a recorder restart and with audio.
/// </summary>
internal sealed partial class FfmpegClipCutter(FfmpegRunner runner, IOptions<FfmpegOptions> options, TimeProvider clock, ILogger<FfmpegClipCutter> logger)
    : IClipCutter
{
    // How far a clip may ask past the segments' last frame: playlist durations are rounded, frames are not.
    private static readonly TimeSpan EndSlack = TimeSpan.FromMilliseconds(100);

    private FfmpegOptions Options => options.Value;

    public async Task<CutResult> CutAsync(CutRequest request, IProgress<double>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Duration <= TimeSpan.Zero) throw new ArgumentException($"A clip must last more than nothing; it asks for {request.Duration}.", nameof(request));
        if (request.StartOffset < TimeSpan.Zero) throw new ArgumentException($"A clip cannot start before its first segment; it asks for {request.StartOffset}.", nameof(request));
        var started = Stopwatch.GetTimestamp();
        var segments = FullPaths(request.Segments);
        var timeline = await ScanAsync(segments, cancellationToken);
        var end = request.StartOffset + request.Duration;
        if (end > timeline.Total + EndSlack)
            throw new ArgumentException(
                $"The segments hold {FfmpegTime.Seconds(timeline.Total)} s of video; the clip asks for {FfmpegTime.Seconds(request.StartOffset)} s to {FfmpegTime.Seconds(end)} s.",
                nameof(request));

        var (first, last) = timeline.Covering(request.StartOffset, end);
        var output = Path.GetFullPath(request.OutputPath);
        Directory.CreateDirectory(Path.GetDirectoryName(output)!);
        // Written under another name and moved when measured, so the clip's path never holds half a clip.
        var partial = $"{output}.{Guid.NewGuid():N}.part";
        try
        {
            using var list = await ScratchFile.WriteAsync(".ffconcat", ConcatList.Build(segments, timeline, first, last), cancellationToken);
            // In the list's own timeline the first segment starts at 0 and its video after its audio lead.
            var trimStart = timeline.Segments[first].Lead + AtLeastZero(request.StartOffset - timeline.StartOf(first));
            var (arguments, expected) = request.Mode == CutMode.Fast
                ? (CutArguments.Fast(list.Path, partial, timeline.AudioCodec, CameraStream.BrowsersPlay(timeline.VideoCodec) || Options.KeepCameraCodecInFastClips ? null : Options, timeline.VideoCodec), timeline.Length(first, last))
                : (CutArguments.Exact(list.Path, partial, trimStart, request.Duration, timeline.HasAudio, Options), request.Duration);
            var reporter = new ProgressReporter(progress, expected, clock);
            reporter.Start();
            var stderrTail = await runner.RunWithProgressAsync(Ffmpeg(arguments), Options.CutTimeout, reporter.OnUpdate, cancellationToken);
            if (!File.Exists(partial) || new FileInfo(partial).Length == 0)
                throw new FfmpegException($"ffmpeg ended without writing the clip {output}.", stderrTail);

            var media = await ProbeAsync(partial, cancellationToken);
            File.Move(partial, output, overwrite: true);
            var result = new CutResult(output, media.Duration, new FileInfo(output).Length, media.Width, media.Height, media.FramesPerSecond);
            LogCut(logger, request.Mode, output, media.Duration.TotalSeconds, last - first + 1, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            return result;
        }
        finally
        {
            ScratchFile.DeleteQuietly(partial);
        }
    }

    public async Task MakePreviewAsync(string videoPath, string jpegPath, int maxSide, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxSide, 2);
        var video = Path.GetFullPath(videoPath);
        if (!File.Exists(video)) throw new FileNotFoundException($"There is no video at {video} to make a preview of.", video);
        var media = await ProbeAsync(video, cancellationToken);
        var jpeg = await FrameAsync(FrameArguments.Preview(video, media.Duration / 2, maxSide), video, cancellationToken);
        await WriteWholeAsync(jpegPath, jpeg, cancellationToken);
    }

    public async Task MakeSpriteAsync(string videoPath, string jpegPath, int frames, int frameWidth, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(frames, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(frameWidth, 2);
        var video = Path.GetFullPath(videoPath);
        if (!File.Exists(video)) throw new FileNotFoundException($"There is no video at {video} to make a scrub strip of.", video);
        var media = await ProbeAsync(video, cancellationToken);
        var jpeg = await FrameAsync(FrameArguments.Sprite(video, media.Duration / frames, frames, frameWidth), video, cancellationToken);
        await WriteWholeAsync(jpegPath, jpeg, cancellationToken);
    }

    // Written under another name and moved, so the path never holds half an image.
    private static async Task WriteWholeAsync(string path, byte[] bytes, CancellationToken cancellationToken)
    {
        var target = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var partial = $"{target}.{Guid.NewGuid():N}.part";
        try
        {
            await File.WriteAllBytesAsync(partial, bytes, cancellationToken);
            File.Move(partial, target, overwrite: true);
        }
        finally
        {
            ScratchFile.DeleteQuietly(partial);
        }
    }

    public async Task<byte[]> GrabFrameAsync(IReadOnlyList<SegmentFile> segmentFiles, TimeSpan offset, CancellationToken cancellationToken)
    {
        var segments = FullPaths(segmentFiles);
        var timeline = await ScanAsync(segments, cancellationToken);
        if (offset < TimeSpan.Zero || offset >= timeline.Total)
            throw new ArgumentOutOfRangeException(nameof(offset), offset,
                $"The segments hold {FfmpegTime.Seconds(timeline.Total)} s of video; there is no frame at {FfmpegTime.Seconds(offset)} s.");

        var (index, _) = timeline.Covering(offset, offset);
        // The following segment too, when there is one: a moment inside a segment's last frame interval has no
        // frame at or after it in that segment, and output seeking would then give nothing at all.
        var last = Math.Min(index + 1, timeline.Segments.Count - 1);
        using var list = await ScratchFile.WriteAsync(".ffconcat", ConcatList.Build(segments, timeline, index, last), cancellationToken);
        var position = timeline.Segments[index].Lead + AtLeastZero(offset - timeline.StartOf(index));
        return await FrameAsync(FrameArguments.Grab(list.Path, position), segments[index].Path, cancellationToken);
    }

    private async Task<SegmentTimeline> ScanAsync(IReadOnlyList<SegmentFile> segments, CancellationToken cancellationToken)
    {
        using var list = await ScratchFile.WriteAsync(".ffconcat", ConcatList.Build(segments), cancellationToken);
        var (listing, stderrTail) = await runner.CaptureAsync(Ffprobe(ProbeArguments.Scan(list.Path)), Options.ProbeTimeout, cancellationToken);
        SegmentTimeline timeline;
        try
        {
            timeline = SegmentScanParser.Parse(Encoding.UTF8.GetString(listing));
        }
        catch (FormatException ex)
        {
            throw new FfmpegException($"The segments could not be read: {ex.Message}", stderrTail, ex);
        }

        // The concat demuxer stops quietly at a segment it cannot open; the count is what gives it away.
        if (timeline.Segments.Count != segments.Count)
            throw new FfmpegException(
                $"ffprobe found video in {timeline.Segments.Count} of the {segments.Count} segments; one is missing, empty or corrupt.", stderrTail);
        return timeline;
    }

    private async Task<MediaProbe> ProbeAsync(string path, CancellationToken cancellationToken)
    {
        var (json, stderrTail) = await runner.CaptureAsync(Ffprobe(ProbeArguments.Media(path)), Options.ProbeTimeout, cancellationToken);
        try
        {
            return ProbeParser.Parse(Encoding.UTF8.GetString(json));
        }
        catch (FormatException ex)
        {
            throw new FfmpegException($"{path} could not be measured: {ex.Message}", stderrTail, ex);
        }
    }

    private async Task<byte[]> FrameAsync(IReadOnlyList<string> arguments, string source, CancellationToken cancellationToken)
    {
        var (jpeg, stderrTail) = await runner.CaptureAsync(Ffmpeg(arguments), Options.FrameTimeout, cancellationToken);
        return jpeg.Length > 0 ? jpeg : throw new FfmpegException($"ffmpeg gave no frame from {source}.", stderrTail);
    }

    private FfmpegCommand Ffmpeg(IReadOnlyList<string> arguments) => new("ffmpeg", Options.FfmpegPath, arguments);

    private FfmpegCommand Ffprobe(IReadOnlyList<string> arguments) => new("ffprobe", Options.FfprobePath, arguments);

    // Absolute paths: the concat demuxer reads relative ones from the list's folder, and a name starting with '-' is an option.
    private static List<SegmentFile> FullPaths(IReadOnlyList<SegmentFile> segments)
    {
        ArgumentNullException.ThrowIfNull(segments);
        if (segments.Count == 0) throw new ArgumentException("At least one segment is needed.", nameof(segments));
        var files = segments.Select(s => new SegmentFile(Path.GetFullPath(s.Path), s.InitPath is null ? null : Path.GetFullPath(s.InitPath))).ToList();
        var missing = files.SelectMany(f => f.InitPath is null ? [f.Path] : new[] { f.InitPath, f.Path }).FirstOrDefault(path => !File.Exists(path));
        return missing is null ? files : throw new FileNotFoundException($"The segment {missing} is not there.", missing);
    }

    // A start within the boundary tolerance of the next segment is its first frame, not a moment before it.
    private static TimeSpan AtLeastZero(TimeSpan time) => time > TimeSpan.Zero ? time : TimeSpan.Zero;

    [LoggerMessage(LogLevel.Information, "Cut {Mode} clip {Path}: {DurationSeconds:F3} s from {SegmentCount} segments in {ElapsedMs:F0} ms")]
    private static partial void LogCut(ILogger logger, CutMode mode, string path, double durationSeconds, int segmentCount, double elapsedMs);
}
