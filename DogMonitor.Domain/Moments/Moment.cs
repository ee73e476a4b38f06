using DogMonitor.Domain.Activity;

namespace DogMonitor.Domain.Moments;

/// <summary>
/// A period of activity a camera's detectors noticed, kept as a clip with pre- and post-roll (cut by the same workers
/// as any clip). It belongs to its camera: everyone granted the camera sees it.
/// </summary>
public sealed class Moment
{
    public Guid Id { get; init; }
    public required string CameraId { get; init; }

    /// <summary>The first and last activity noticed (UTC); the clip runs from before the first to after the last.</summary>
    public DateTime StartedAt { get; init; }
    public DateTime EndedAt { get; init; }

    public ActivityKinds Kinds { get; init; }

    /// <summary>The most of the watched picture that changed at once (0 to 1).</summary>
    public double PeakMotion { get; init; }

    /// <summary>The loudest sound window (dBFS), when sound was part of it.</summary>
    public double? PeakSoundDbfs { get; init; }

    /// <summary>Loud sound went on for a while (barking that goes on, not one bark).</summary>
    public bool ContinuousSound { get; init; }

    /// <summary>Its clip, owned by the camera (<see cref="MomentClips.Owner"/>), not by a person.</summary>
    public Guid ClipId { get; init; }

    public DateTime CreatedAt { get; init; }
}

/// <summary>That a person has seen a moment (each person reviews for themselves).</summary>
public sealed class MomentReview
{
    public Guid MomentId { get; init; }
    public required string UserId { get; init; }
    public DateTime ReviewedAt { get; init; }
}
