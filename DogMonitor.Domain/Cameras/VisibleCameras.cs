using DogMonitor.Domain.Owners;

namespace DogMonitor.Domain.Cameras;

/// <summary>
/// The cameras the current user may watch, cut from and take frames of: all of them for an admin, the granted ones
/// for a member. A camera outside the grant is treated exactly like one that does not exist, so its name does not leak.
/// </summary>
public sealed class VisibleCameras(CameraCatalog catalog, ICurrentUser user)
{
    public IReadOnlyList<Camera> Cameras { get; } = user.IsAdmin ? catalog.Cameras : [.. catalog.Cameras.Where(c => user.Cameras.Contains(c.Id))];

    /// <summary>The first visible camera: what pages show and clips use when no camera is chosen; null with no grant at all.</summary>
    public Camera? Default => Cameras.Count > 0 ? Cameras[0] : null;

    public Camera? Find(string? id) => id is null ? null : Cameras.FirstOrDefault(c => c.Id == id);

    /// <summary>The sentence for a camera id the user cannot use, naming the ones they can.</summary>
    public string UnknownCamera(string? id) => Cameras.Count == 0
        ? "No camera has been shared with this account yet; ask an admin to grant one."
        : $"There is no camera '{id}'; the cameras are {string.Join(", ", Cameras.Select(c => c.Id))}.";
}
