using DogMonitor.Domain.Snapshots;

namespace DogMonitor.Web.Snapshots;

/// <summary>The body of <c>POST /api/snapshots</c>.</summary>
public sealed class CreateSnapshotRequest
{
    /// <summary>When the frame was seen, ISO 8601 with a zone, e.g. 2024-10-24T10:30:00Z.</summary>
    public string? Timestamp { get; init; }

    /// <summary>Up to 20 labels of at most 64 characters: letters, digits, space, '.', '_', '-'.</summary>
    public List<string?>? Labels { get; init; }

    /// <summary>A note of at most 2,000 characters.</summary>
    public string? Note { get; init; }

    /// <summary>The image: a data URL (data:image/jpeg;base64,…) or bare base64 of JPEG, PNG or WebP.</summary>
    public string? FrameData { get; init; }

    /// <summary>The camera the frame came from.</summary>
    public string? CameraId { get; init; }

    public NewSnapshot ToNewSnapshot() => new(Timestamp, Labels, Note, FrameData, CameraId);
}
