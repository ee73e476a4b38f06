namespace DogMonitor.Domain.Paging;

/// <summary>One page of a newest-first listing and the cursor of the next page, if there is one.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, PageCursor? Next);
