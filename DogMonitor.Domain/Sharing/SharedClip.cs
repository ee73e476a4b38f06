using DogMonitor.Domain.Clips;

namespace DogMonitor.Domain.Sharing;

/// <summary>The outcome of opening a share token; <see cref="Clip"/> is set only when the link is open.</summary>
public sealed record SharedClip(ShareLinkState State, Clip? Clip, DateTime? ExpiresAt)
{
    public static readonly SharedClip Unknown = new(ShareLinkState.Unknown, null, null);

    /// <summary>Expired or revoked: the link was real once, so "gone" (410) rather than "not found" (404).</summary>
    public bool IsGone => State is ShareLinkState.Expired or ShareLinkState.Revoked;
}
