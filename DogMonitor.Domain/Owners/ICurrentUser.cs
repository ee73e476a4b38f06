namespace DogMonitor.Domain.Owners;

/// <summary>
/// The person on whose behalf a request runs. Every stored item carries this owner id, so adding
/// sign-in later changes only the implementation, not the data or the queries.
/// </summary>
public interface ICurrentUser
{
    /// <summary>Stable id of the owner (at most <see cref="OwnerOptions.MaxOwnerIdLength"/> characters).</summary>
    string OwnerId { get; }
}
