namespace DogMonitor.Domain.Accounts;

/// <summary>What an admin changes on an account; a field left null stays as it is.</summary>
public sealed record UserChange(string? Role, IReadOnlyList<string?>? Cameras, bool? Disabled, string? Password);
