using DogMonitor.Domain.Clips;

namespace DogMonitor.Web.Clips;

/// <summary>The body of <c>POST /api/clips/{id}/trim</c>: the part of the clip's video to keep.</summary>
public sealed class TrimClipRequest
{
    /// <summary>Where the new clip starts, in milliseconds into this clip's video.</summary>
    public long? StartMs { get; init; }

    /// <summary>Where the new clip ends (exclusive), in milliseconds into this clip's video; at least 1,000 after the start.</summary>
    public long? EndMs { get; init; }

    /// <summary>True: once ready, the new clip takes this one's place (labels, note, share links) and this one is deleted.</summary>
    public bool? Replace { get; init; }

    public ClipTrim ToClipTrim() => new(StartMs, EndMs, Replace ?? false);
}
