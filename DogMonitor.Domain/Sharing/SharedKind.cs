namespace DogMonitor.Domain.Sharing;

/// <summary>What kind of item a share link opens.</summary>
public enum SharedKind
{
    Clip,
    Snapshot,
}
