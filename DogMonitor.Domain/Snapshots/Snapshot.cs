using DogMonitor.Domain.Paging;

namespace DogMonitor.Domain.Snapshots;

/// <summary>A still frame from a camera, stored as the original image plus a small thumbnail.</summary>
public sealed class Snapshot : IListedItem
{
    public Guid Id { get; init; }
    public required string OwnerId { get; init; }
    public string? CameraId { get; init; }

    /// <summary>When the frame was seen (UTC).</summary>
    public DateTime Timestamp { get; init; }
    public List<string> Labels { get; set; } = [];
    public string? Note { get; set; }
    public required string ContentType { get; init; }
    public int Width { get; init; }
    public int Height { get; init; }
    public long SizeBytes { get; init; }
    public required string ImageKey { get; init; }
    public required string ThumbnailKey { get; init; }

    /// <summary>When the snapshot was stored (UTC).</summary>
    public DateTime CreatedAt { get; init; }
}
