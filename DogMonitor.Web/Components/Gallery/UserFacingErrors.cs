using DogMonitor.Domain.Persistence;
using DogMonitor.Domain.Problems;

namespace DogMonitor.Web.Components.Gallery;

/// <summary>What to tell a person when a page cannot reach what it needs; null for programming errors.</summary>
public static class UserFacingErrors
{
    public static string? Describe(Exception ex) => ex switch
    {
        DependencyUnavailableException unavailable => $"The {unavailable.Dependency} cannot be reached: {unavailable.Message}",
        _ when DatabaseErrors.IsDatabaseFailure(ex) || DatabaseErrors.IsConnectionFailure(ex) =>
            "The database cannot be reached. Check that it is running (./run.sh starts it for you), then retry.",
        _ => null,
    };
}
