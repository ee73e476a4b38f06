using DogMonitor.Domain.Clips;

namespace DogMonitor.Web.Events;

/// <summary>The <c>data</c> of <c>clip.created</c> and <c>clip.status</c>: what <c>GET /api/clips/{id}</c> would say of its progress.</summary>
public sealed record ClipEventData(Guid Id, ClipStatus Status, int Progress, string? Error, DateTime At);
