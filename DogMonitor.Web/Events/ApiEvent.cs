namespace DogMonitor.Web.Events;

/// <summary>
/// One event as API clients get it, encoded once (as a Server-Sent Event and as a WebSocket message) however many
/// streams send it.
/// </summary>
/// <param name="Id">The id every web process gives it (from the message), or null for a stream's own first status.</param>
/// <param name="ItemId">The clip or snapshot it is about.</param>
/// <param name="At">When it happened, by the clock of the process that told.</param>
/// <param name="Final">The item's story ends here (ready, failed or deleted): a stream following one clip closes after it.</param>
/// <param name="CameraId">The camera of a moment's event: everyone granted the camera hears it.</param>
public sealed record ApiEvent(string? Id, string Type, string OwnerId, Guid ItemId, DateTime At, bool Final, byte[] ServerSent, byte[] WebSocket, string? CameraId = null);
