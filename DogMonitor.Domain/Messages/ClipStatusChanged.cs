using DogMonitor.Domain.Clips;

namespace DogMonitor.Domain.Messages;

/// <summary>A clip moved in its lifecycle or made progress; pages showing it update from this. Built by <see cref="ClipEvents"/>.</summary>
/// <param name="Error">Why it failed; for a clip back in the queue, why its last try failed.</param>
/// <param name="IsNew">True only for a clip just made (a page lists it); false for a clip going back to the queue.</param>
public sealed record ClipStatusChanged(Guid ClipId, string OwnerId, ClipStatus Status, int Progress, string? Error, DateTime At, bool IsNew = false)
{
    /// <summary>
    /// This piece of news, named where it is made and carried in the message, so every web process hands it to its
    /// clients under the same id and a client can resume on another one.
    /// </summary>
    public Guid EventId { get; init; } = Guid.CreateVersion7();

    /// <summary>
    /// The clip's camera: who hears of a moment's clip (owned by <see cref="Moments.MomentClips.Owner"/>) follows from
    /// it. Null from a process older than this field.
    /// </summary>
    public string? CameraId { get; init; }
}
