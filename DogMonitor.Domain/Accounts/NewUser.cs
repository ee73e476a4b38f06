namespace DogMonitor.Domain.Accounts;

/// <summary>An account an admin asks for: the role is <c>admin</c> or <c>member</c>, the cameras a member may see.</summary>
public sealed record NewUser(string? Email, string? Password, string? Role, IReadOnlyList<string?>? Cameras);
