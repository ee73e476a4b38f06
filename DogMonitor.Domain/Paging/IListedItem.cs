namespace DogMonitor.Domain.Paging;

/// <summary>What newest-first listings page and filter by; snapshots and clips both are.</summary>
public interface IListedItem
{
    Guid Id { get; }
    string OwnerId { get; }
    string? CameraId { get; }
    List<string> Labels { get; }

    /// <summary>The time a listing orders by: when a snapshot was seen, when a clip starts.</summary>
    DateTime Timestamp { get; }
}
