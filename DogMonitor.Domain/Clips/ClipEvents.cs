using DogMonitor.Domain.Messages;

namespace DogMonitor.Domain.Clips;

/// <summary>
/// Every <see cref="ClipStatusChanged"/> (and <see cref="ClipDeleted"/>) is built here, one method per transition of a clip's life, so that pages and
/// API clients hear the same fields for the same change whoever made it (the API, a worker, the sweeper).
/// </summary>
public static class ClipEvents
{
    /// <summary>A new clip, waiting for a worker.</summary>
    public static ClipStatusChanged Queued(Clip clip, DateTime at) => Change(clip.Id, clip.OwnerId, clip.CameraId, ClipStatus.Queued, 0, null, at) with { IsNew = true };

    /// <summary>A worker took the clip (0 %) or went further with it.</summary>
    public static ClipStatusChanged Processing(Clip clip, int progress, DateTime at) => Change(clip.Id, clip.OwnerId, clip.CameraId, ClipStatus.Processing, progress, null, at);

    public static ClipStatusChanged Ready(Clip clip, DateTime at) => Change(clip.Id, clip.OwnerId, clip.CameraId, ClipStatus.Ready, 100, null, at);

    public static ClipStatusChanged Failed(Clip clip, string error, DateTime at) => Change(clip.Id, clip.OwnerId, clip.CameraId, ClipStatus.Failed, 0, error, at);

    /// <summary>Back in the queue: its worker stopped, lost its lease, or a dependency failed (<paramref name="reason"/>); another try follows.</summary>
    public static ClipStatusChanged Requeued(OwnedClip clip, string? reason, DateTime at) => Change(clip.Id, clip.OwnerId, clip.CameraId, ClipStatus.Queued, 0, reason, at);

    /// <summary>Failed after its last attempt, with the reason <see cref="ClipRules.OutOfAttempts"/> gives.</summary>
    public static ClipStatusChanged GaveUp(OwnedClip clip, string error, DateTime at) => Change(clip.Id, clip.OwnerId, clip.CameraId, ClipStatus.Failed, 0, error, at);

    /// <summary>A ready clip whose media are gone from the store, failed by the media audit with <see cref="ClipRules.MediaMissing"/>.</summary>
    public static ClipStatusChanged MediaLost(OwnedClip clip, string error, DateTime at) => Change(clip.Id, clip.OwnerId, clip.CameraId, ClipStatus.Failed, 0, error, at);

    /// <summary>Deleted by its owner in whatever state it was, or with its moment (<paramref name="momentId"/>) by the moments' retention.</summary>
    public static ClipDeleted Deleted(Clip clip, DateTime at, Guid? momentId = null) => new(clip.Id, clip.OwnerId, at) { CameraId = clip.CameraId, MomentId = momentId };

    /// <summary>Gone because a trim took its place (<see cref="ClipReplacement"/>): for its followers, as a deletion.</summary>
    public static ClipDeleted Replaced(OwnedClip clip, DateTime at) => new(clip.Id, clip.OwnerId, at) { CameraId = clip.CameraId };

    private static ClipStatusChanged Change(Guid id, string ownerId, string cameraId, ClipStatus status, int progress, string? error, DateTime at) =>
        new(id, ownerId, status, progress, error, at) { CameraId = cameraId };
}
