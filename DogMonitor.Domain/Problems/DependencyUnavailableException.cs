namespace DogMonitor.Domain.Problems;

/// <summary>
/// A service DogMonitor needs (the database, the media store) failed or could not be reached.
/// The operation was undone; trying again once the service is back will succeed.
/// </summary>
public sealed class DependencyUnavailableException(string dependency, string message, Exception? inner = null)
    : Exception(message, inner)
{
    public const string Database = "database";
    public const string MediaStore = "media store";

    public string Dependency { get; } = dependency;
}
