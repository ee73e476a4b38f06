using DogMonitor.Domain.Clips;

namespace DogMonitor.Web.Events;

/// <summary>
/// The <c>data</c> of <c>moment.created</c>, <c>moment.status</c> and <c>moment.deleted</c>: the moment (null when it
/// could not be named), its camera, and how its clip's cut goes, as <c>GET /api/moments/{id}</c> would say.
/// </summary>
public sealed record MomentEventData(Guid? Id, string? CameraId, Guid ClipId, ClipStatus? Status, int Progress, string? Error, DateTime At);
