namespace DogMonitor.Domain.Recording;

/// <summary>
/// One file of a camera's recording buffer and the wall-clock span it covers, as the buffer's
/// playlist states it (<c>EXT-X-PROGRAM-DATE-TIME</c> + <c>EXTINF</c>).
/// </summary>
/// <param name="FileName">The segment's file name inside the camera's buffer folder (no directories).</param>
/// <param name="Start">Wall-clock time of the segment's first frame (UTC).</param>
/// <param name="Duration">How long the segment plays.</param>
/// <param name="DiscontinuityBefore">True when the recording restarted (or the stream changed) just before this segment.</param>
public sealed record RecordedSegment(string FileName, DateTime Start, TimeSpan Duration, bool DiscontinuityBefore = false)
{
    public DateTime End => Start + Duration;
}
