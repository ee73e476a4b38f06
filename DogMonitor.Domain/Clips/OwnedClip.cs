namespace DogMonitor.Domain.Clips;

/// <summary>A clip's id with its owner's and camera's: what a status change needs when the rest of the row was not read.</summary>
public sealed record OwnedClip(Guid Id, string OwnerId, string CameraId);
