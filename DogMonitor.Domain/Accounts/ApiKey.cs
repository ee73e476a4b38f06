namespace DogMonitor.Domain.Accounts;

/// <summary>
/// A key a script uses instead of a password. Only the SHA-256 of the secret is stored: the secret is shown once,
/// when the key is made, and a copy of the database cannot be used to call the API.
/// </summary>
public sealed class ApiKey
{
    public Guid Id { get; init; }
    public required string OwnerId { get; init; }
    public required string Name { get; init; }
    public ApiKeyScope Scope { get; init; }
    public required string SecretHash { get; init; }

    /// <summary>The secret's first characters, so a person can tell their keys apart without the secret.</summary>
    public required string Prefix { get; init; }

    public DateTime CreatedAt { get; init; }
    public DateTime? ExpiresAt { get; init; }
    public DateTime? LastUsedAt { get; set; }
}
