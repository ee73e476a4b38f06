using DogMonitor.Domain.Clips;

namespace DogMonitor.Web.Clips;

/// <summary>The body of <c>POST /api/clips</c>.</summary>
public sealed class CreateClipRequest
{
    /// <summary>Where the clip starts, ISO 8601 with a zone; at most 30 s ahead of now.</summary>
    public string? StartTs { get; init; }

    /// <summary>Length in milliseconds, 1,000 to the configured maximum (default 300,000).</summary>
    public long? DurationMs { get; init; }

    public List<string?>? Labels { get; init; }
    public string? Note { get; init; }

    /// <summary>The camera; the first configured camera when left out.</summary>
    public string? CameraId { get; init; }

    /// <summary><c>exact</c> (frame-accurate, default) or <c>fast</c> (keyframe-aligned copy).</summary>
    public string? Mode { get; init; }

    public NewClip ToNewClip() => new(StartTs, DurationMs, Labels, Note, CameraId, Mode);
}
