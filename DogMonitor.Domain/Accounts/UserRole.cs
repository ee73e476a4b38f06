namespace DogMonitor.Domain.Accounts;

/// <summary>What a user may do: an admin sees every camera and manages users; a member sees the cameras granted.</summary>
public enum UserRole
{
    Member,
    Admin,
}
