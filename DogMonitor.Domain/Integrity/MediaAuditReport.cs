namespace DogMonitor.Domain.Integrity;

/// <summary>What one audit of the media store against the database found, and what it repaired.</summary>
/// <param name="Objects">Objects under <c>snapshots/</c> and <c>clips/</c> in the store.</param>
/// <param name="OrphanObjects">Objects no snapshot or clip row names.</param>
/// <param name="OrphanObjectsRemoved">Of those, removed (older than the grace period, and still unnamed when removed).</param>
/// <param name="ClipsMissingMedia">Ready clips whose video or preview is not in the store.</param>
/// <param name="ClipsMarkedFailed">Of those, marked failed with the reason.</param>
/// <param name="SnapshotsMissingMedia">Snapshots whose image or thumbnail is not in the store (counted; a snapshot has no failed state).</param>
/// <param name="ClipSpritesMissing">
/// Ready clips whose scrub strip is not in the store (their video and preview are); repaired by forgetting the strip,
/// so their cards show the still preview.
/// </param>
/// <param name="Repaired">Whether this audit repaired, or only counted.</param>
public sealed record MediaAuditReport(
    DateTime CheckedAt,
    string Store,
    int Objects,
    int Snapshots,
    int Clips,
    int OrphanObjects,
    int OrphanObjectsRemoved,
    int ClipsMissingMedia,
    int ClipsMarkedFailed,
    int SnapshotsMissingMedia,
    int ClipSpritesMissing,
    bool Repaired);
