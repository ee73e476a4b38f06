namespace DogMonitor.Domain.Moments;

/// <summary>
/// Moments' clips belong to their cameras, not to a person: they carry an owner id no account or configured owner can
/// have (those are GUIDs, or letters, digits and '.', '_', '-'), so they never appear among anyone's own clips, and
/// "Keep" copies one there. Who may see one follows from its moment's camera.
/// </summary>
public static class MomentClips
{
    public const string Owner = "camera:moments";
}
