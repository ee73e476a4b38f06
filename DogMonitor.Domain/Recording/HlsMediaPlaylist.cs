namespace DogMonitor.Domain.Recording;

/// <summary>An HLS media playlist: its segments and where its numbering starts.</summary>
/// <param name="Segments">The segments in playing order.</param>
/// <param name="MediaSequence">The number of the first segment (<c>EXT-X-MEDIA-SEQUENCE</c>); grows as old segments leave.</param>
/// <param name="DiscontinuitySequence">Discontinuities that have left the front (<c>EXT-X-DISCONTINUITY-SEQUENCE</c>).</param>
public sealed record HlsMediaPlaylist(IReadOnlyList<RecordedSegment> Segments, long MediaSequence = 0, long DiscontinuitySequence = 0);
