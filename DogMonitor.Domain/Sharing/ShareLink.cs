namespace DogMonitor.Domain.Sharing;

/// <summary>
/// A public link to one clip or one snapshot: exactly one of <see cref="ClipId"/> and <see cref="SnapshotId"/> is
/// set (the database checks it too). Only the SHA-256 of the token is stored, so the database alone cannot be used
/// to open anyone's links.
/// </summary>
public sealed class ShareLink
{
    public Guid Id { get; init; }
    public Guid? ClipId { get; init; }
    public Guid? SnapshotId { get; init; }
    public required string OwnerId { get; init; }
    public required string TokenHash { get; init; }
    public DateTime CreatedAt { get; init; }
    public DateTime ExpiresAt { get; init; }
    public DateTime? RevokedAt { get; set; }
}
