namespace DogMonitor.Domain.Recording;

/// <summary>An HLS media playlist: its segments and where its numbering starts.</summary>
/// <param name="Segments">The segments in playing order.</param>
/// <param name="MediaSequence">The number of the first segment (<c>EXT-X-MEDIA-SEQUENCE</c>); grows as old segments leave.</param>
/// <param name="DiscontinuitySequence">Discontinuities that have left the front (<c>EXT-X-DISCONTINUITY-SEQUENCE</c>).</param>
/// <param name="Ended">
/// A finished playlist (<c>EXT-X-PLAYLIST-TYPE:VOD</c> and <c>EXT-X-ENDLIST</c>): a window of the recording to play
/// back, which players open at its start rather than at its live edge.
/// </param>
public sealed record HlsMediaPlaylist(IReadOnlyList<RecordedSegment> Segments, long MediaSequence = 0, long DiscontinuitySequence = 0, bool Ended = false);
