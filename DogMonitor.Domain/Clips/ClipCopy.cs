namespace DogMonitor.Domain.Clips;

/// <summary>
/// A new clip cut from part of a ready clip's own video (a trim, or a moment kept): frame-accurate, starting at the
/// wall-clock time of its first frame and keeping the gaps it plays across (<see cref="ClipWallClock"/>), with the
/// source's labels and note.
/// </summary>
public static class ClipCopy
{
    public static Clip Of(Clip source, int offsetMs, int durationMs, string ownerId, Guid id, DateTime now, bool replacesSource = false)
    {
        var (start, gaps) = ClipWallClock.Trim(source, offsetMs, durationMs);
        return new Clip
        {
            Id = id,
            OwnerId = ownerId,
            CameraId = source.CameraId,
            Timestamp = start,
            DurationMs = durationMs,
            Gaps = gaps,
            Mode = ClipMode.Exact,
            Labels = [.. source.Labels],
            Note = source.Note,
            SourceClipId = source.Id,
            SourceOffsetMs = offsetMs,
            ReplacesSource = replacesSource,
            Status = ClipStatus.Queued,
            CreatedAt = now,
            UpdatedAt = now,
        };
    }
}
