using DogMonitor.Domain.Paging;
using DogMonitor.Domain.Recording;

namespace DogMonitor.Domain.Clips;

/// <summary>
/// A range of a camera's recording, cut in the background. The row is the source of truth for the job:
/// a worker claims it with a conditional update and holds it with a lease it keeps renewing.
/// </summary>
public sealed class Clip : IListedItem
{
    public Guid Id { get; init; }
    public required string OwnerId { get; init; }
    public required string CameraId { get; init; }

    /// <summary>Where the clip starts (UTC wall-clock time).</summary>
    public DateTime Timestamp { get; init; }
    public int DurationMs { get; init; }
    public ClipMode Mode { get; init; }
    public List<string> Labels { get; set; } = [];
    public string? Note { get; set; }

    public ClipStatus Status { get; set; }
    public int Progress { get; set; }
    public string? Error { get; set; }

    public string? VideoKey { get; set; }
    public string? PreviewKey { get; set; }

    /// <summary>Once ready: a strip of <see cref="ClipRules.SpriteFrames"/> small frames side by side, for scrubbing on cards and the trim bar.</summary>
    public string? PreviewSpriteKey { get; set; }

    /// <summary>Once ready: the video's frame rate, so the trim bar can step one frame at a time.</summary>
    public double? FramesPerSecond { get; set; }
    public int? ProducedDurationMs { get; set; }
    public long? SizeBytes { get; set; }
    public int? Width { get; set; }
    public int? Height { get; set; }

    /// <summary>Once ready: the parts of the range the buffer did not hold (the camera was down), which the video skips.</summary>
    public List<BufferSpan> Gaps { get; set; } = [];

    /// <summary>
    /// Set for a trimmed clip: it is cut from this clip's own video (not the buffer, which may have moved on), from
    /// <see cref="SourceOffsetMs"/> for <see cref="DurationMs"/>.
    /// </summary>
    public Guid? SourceClipId { get; init; }

    /// <summary>Where a trimmed clip starts in its source's video.</summary>
    public int? SourceOffsetMs { get; init; }

    /// <summary>
    /// A trim that takes its source's place once ready: the source's share links move to it, the source's row and media go.
    /// Until then (and if the trim fails) the source stays as it was.
    /// </summary>
    public bool ReplacesSource { get; init; }

    public DateTime CreatedAt { get; init; }
    public DateTime UpdatedAt { get; set; }

    /// <summary>Set by the worker that claimed the clip; its conditional updates carry it.</summary>
    public Guid? ClaimToken { get; set; }

    /// <summary>While processing: when the claim lapses unless renewed. Past it, the clip goes back to the queue.</summary>
    public DateTime? LeaseUntil { get; set; }
    public int Attempts { get; set; }
}
