namespace DogMonitor.Web.Clips;

/// <summary>One page of clips, newest first; pass <c>next_cursor</c> back as <c>cursor</c> for the next.</summary>
public sealed record ClipPageResponse(IReadOnlyList<ClipResponse> Items, string? NextCursor);
