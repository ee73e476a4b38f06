namespace DogMonitor.Domain.Recording;

/// <summary>
/// One file of a camera's recording buffer and the wall-clock span it covers, as the buffer's
/// playlist states it (<c>EXT-X-PROGRAM-DATE-TIME</c> + <c>EXTINF</c>).
/// </summary>
/// <param name="FileName">The segment's file name inside the camera's buffer folder (no directories).</param>
/// <param name="Start">Wall-clock time of the segment's first frame (UTC).</param>
/// <param name="Duration">How long the segment plays.</param>
/// <param name="DiscontinuityBefore">True when the recording restarted (or the stream changed) just before this segment.</param>
/// <param name="InitFileName">
/// For a fragmented-MP4 segment, its run's initialisation segment (<c>EXT-X-MAP</c>) in the same folder; null for a
/// segment that stands alone (MPEG-TS).
/// </param>
public sealed record RecordedSegment(string FileName, DateTime Start, TimeSpan Duration, bool DiscontinuityBefore = false, string? InitFileName = null)
{
    public DateTime End => Start + Duration;
}
