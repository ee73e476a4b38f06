using DogMonitor.Domain.Recording;

namespace DogMonitor.Worker.Ffmpeg;

/// <param name="Segments">Buffer segments in playing order.</param>
/// <param name="StartOffset">Where the clip starts, from the start of the first segment.</param>
/// <param name="Duration">How long the clip is.</param>
/// <param name="Mode">Exact (re-encode) or fast (stream copy).</param>
/// <param name="OutputPath">The MP4 to write.</param>
public sealed record CutRequest(IReadOnlyList<SegmentFile> Segments, TimeSpan StartOffset, TimeSpan Duration, CutMode Mode, string OutputPath);
