using DogMonitor.Domain.Clips;
using DogMonitor.Domain.Snapshots;

namespace DogMonitor.Domain.Sharing;

/// <summary>
/// The outcome of opening a share token. When the link is open exactly one of <see cref="Clip"/> and
/// <see cref="Snapshot"/> is set; otherwise neither is.
/// </summary>
public sealed record SharedItem(ShareLinkState State, Clip? Clip, Snapshot? Snapshot, DateTime? ExpiresAt)
{
    public static readonly SharedItem Unknown = new(ShareLinkState.Unknown, null, null, null);

    /// <summary>Expired or revoked: the link was real once, so "gone" (410) rather than "not found" (404).</summary>
    public bool IsGone => State is ShareLinkState.Expired or ShareLinkState.Revoked;
}
