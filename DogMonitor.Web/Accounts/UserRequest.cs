using DogMonitor.Domain.Accounts;

namespace DogMonitor.Web.Accounts;

/// <summary>The body of <c>POST /api/users</c> and <c>PATCH /api/users/{id}</c>; on PATCH a field left out stays.</summary>
public sealed class UserRequest
{
    public string? Email { get; init; }
    public string? Password { get; init; }

    /// <summary><c>admin</c> or <c>member</c> (default).</summary>
    public string? Role { get; init; }

    /// <summary>The camera ids a member may see.</summary>
    public List<string?>? Cameras { get; init; }

    /// <summary>PATCH only: true ends the user's sessions and keys and refuses their sign-in.</summary>
    public bool? Disabled { get; init; }

    public NewUser ToNewUser() => new(Email, Password, Role, Cameras);

    public UserChange ToChange() => new(Role, Cameras, Disabled, Password);
}
