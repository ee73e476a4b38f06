namespace DogMonitor.Domain.Problems;

/// <summary>A request that is well formed but cannot be done in the item's present state (a 409), with a sentence saying why.</summary>
public sealed class ConflictException(string message) : Exception(message);
