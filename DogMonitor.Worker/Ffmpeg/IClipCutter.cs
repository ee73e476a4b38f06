using DogMonitor.Domain.Recording;

namespace DogMonitor.Worker.Ffmpeg;

/// <summary>Cuts a clip out of buffer segments and makes its preview; implemented over ffmpeg.</summary>
/// <remarks>
/// Every call can throw <see cref="FfmpegException"/> (ffmpeg or ffprobe failed, ran over its time limit, or a segment
/// is corrupt; it carries ffmpeg's last stderr lines), <see cref="OperationCanceledException"/> (ffmpeg is killed
/// first), <see cref="FileNotFoundException"/> for a missing input and <see cref="ArgumentException"/> for a range
/// the segments do not hold.
/// </remarks>
public interface IClipCutter
{
    /// <summary>
    /// Writes an H.264 MP4 with the moov atom first. <see cref="CutMode.Exact"/> re-encodes so the file lasts
    /// <see cref="CutRequest.Duration"/> within one frame; <see cref="CutMode.Fast"/> copies whole keyframe-aligned
    /// segments. Reports progress from 0 to 1.
    /// </summary>
    /// <remarks>The file appears at <see cref="CutRequest.OutputPath"/> (replacing any file there) only when complete.</remarks>
    Task<CutResult> CutAsync(CutRequest request, IProgress<double>? progress, CancellationToken cancellationToken);

    /// <summary>A JPEG from the middle of the video, longest side at most <paramref name="maxSide"/> pixels.</summary>
    Task MakePreviewAsync(string videoPath, string jpegPath, int maxSide, CancellationToken cancellationToken);

    /// <summary>
    /// A JPEG strip of <paramref name="frames"/> frames spread evenly over the video, side by side, each
    /// <paramref name="frameWidth"/> pixels wide: what a clip card shows under the pointer while scrubbing.
    /// </summary>
    Task MakeSpriteAsync(string videoPath, string jpegPath, int frames, int frameWidth, CancellationToken cancellationToken);

    /// <summary>The full-resolution frame at <paramref name="offset"/> into the given segments, as JPEG bytes.</summary>
    Task<byte[]> GrabFrameAsync(IReadOnlyList<SegmentFile> segments, TimeSpan offset, CancellationToken cancellationToken);
}
