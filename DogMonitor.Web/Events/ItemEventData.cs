namespace DogMonitor.Web.Events;

/// <summary>The <c>data</c> of <c>clip.deleted</c>, <c>snapshot.created</c> and <c>snapshot.deleted</c>: read the item for the rest.</summary>
public sealed record ItemEventData(Guid Id, DateTime At);
