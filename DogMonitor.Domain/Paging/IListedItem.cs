namespace DogMonitor.Domain.Paging;

/// <summary>What newest-first listings page and filter by; snapshots and clips both are.</summary>
public interface IListedItem
{
    Guid Id { get; }
    string OwnerId { get; }
    string? CameraId { get; }
    /// <summary>The labels; set when an owner changes them after the fact.</summary>
    List<string> Labels { get; set; }

    /// <summary>The owner's note; set when an owner changes it after the fact.</summary>
    string? Note { get; set; }

    /// <summary>The time a listing orders by: when a snapshot was seen, when a clip starts.</summary>
    DateTime Timestamp { get; }
}
