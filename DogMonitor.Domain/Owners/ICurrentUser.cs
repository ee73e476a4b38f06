namespace DogMonitor.Domain.Owners;

/// <summary>
/// The person on whose behalf a request, a page or a key acts. Every stored item carries <see cref="OwnerId"/>, and
/// every query and change is limited to it; cameras are limited by <see cref="IsAdmin"/> and <see cref="Cameras"/>.
/// </summary>
public interface ICurrentUser
{
    /// <summary>Stable id of the signed-in user (at most <see cref="OwnerOptions.MaxOwnerIdLength"/> characters).</summary>
    /// <exception cref="InvalidOperationException">Nobody is signed in: the caller should never have been let in.</exception>
    string OwnerId { get; }

    /// <summary>An admin sees every camera and manages users.</summary>
    bool IsAdmin { get; }

    /// <summary>The cameras granted to a member; meaningless for an admin.</summary>
    IReadOnlyCollection<string> Cameras { get; }
}
