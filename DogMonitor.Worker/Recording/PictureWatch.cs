using System.Globalization;
using System.Text;
using DogMonitor.Domain.Recording;
using DogMonitor.Worker.Ffmpeg;

namespace DogMonitor.Worker.Recording;

/// <summary>
/// Notices a camera changing its picture size mid-stream, which stream copy would carry on into a run whose init still
/// declares the old size. Each new segment's in-band SPS is compared with those its init declares
/// (<see cref="ParameterSets"/>); only an SPS not seen before is decoded, one frame by ffprobe, to learn the size.
/// </summary>
/// <param name="width">The run's picture width, as the camera sent it when the run began.</param>
/// <param name="height">Its height.</param>
internal sealed class PictureWatch(RecorderTools tools, int width, int height)
{
    private static readonly TimeSpan DecodeTimeout = TimeSpan.FromSeconds(10);

    private readonly List<byte[]> _sameSize = []; // in-band SPS already decoded to the run's size
    private string? _initPath;
    private ParameterSets.VideoTrack? _track;

    /// <returns>The segment's picture size when it differs from the run's; null when it is the same or cannot be told.</returns>
    /// <exception cref="FfmpegException">ffprobe could not decode the segment's first picture.</exception>
    /// <exception cref="IOException">The segment or its init could not be read (removed by retention, say).</exception>
    public async Task<(int Width, int Height)?> CheckAsync(SegmentFile segment, CancellationToken cancellationToken)
    {
        if (segment.InitPath is null) return null; // MPEG-TS: no init to disagree with
        if (segment.InitPath != _initPath || _track is null)
        {
            _track = ParameterSets.ReadInit(await File.ReadAllBytesAsync(segment.InitPath, cancellationToken));
            _initPath = _track is null ? null : segment.InitPath; // read again next time: it may have been half written
        }
        if (_track is null) return null;

        var inBand = ParameterSets.FirstPictureSps(await File.ReadAllBytesAsync(segment.Path, cancellationToken), _track);
        var fresh = inBand?.Where(sps => !_track.Declares(sps) && !_sameSize.Any(seen => seen.AsSpan().SequenceEqual(sps))).ToList();
        if (fresh is not { Count: > 0 }) return null;

        // Remembered only once decoded to the run's size: a decode that failed is tried again on the next segment.
        var size = await DecodeSizeAsync(segment, cancellationToken);
        if (size is not { } decoded) return null;
        if (decoded != (width, height)) return decoded;
        _sameSize.AddRange(fresh);
        return null;
    }

    private async Task<(int, int)?> DecodeSizeAsync(SegmentFile segment, CancellationToken cancellationToken)
    {
        var probe = new FfmpegCommand("ffprobe", tools.Ffprobe, ProbeArguments.FirstPictureSize(ConcatList.Url(segment)));
        var (output, _) = await tools.Runner.CaptureAsync(probe, DecodeTimeout, cancellationToken);
        var fields = Encoding.UTF8.GetString(output).Trim().Split('\n')[0].Split(',');
        return fields.Length >= 2
            && int.TryParse(fields[0], NumberStyles.None, CultureInfo.InvariantCulture, out var w)
            && int.TryParse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture, out var h)
            ? (w, h)
            : null;
    }
}
