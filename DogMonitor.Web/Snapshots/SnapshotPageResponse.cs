namespace DogMonitor.Web.Snapshots;

/// <summary>One page of snapshots, newest first; pass <c>next_cursor</c> back as <c>cursor</c> for the next.</summary>
public sealed record SnapshotPageResponse(IReadOnlyList<SnapshotResponse> Items, string? NextCursor);
