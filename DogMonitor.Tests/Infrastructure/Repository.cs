namespace DogMonitor.Tests.Infrastructure;

/// <summary>The checkout the tests run from: the folder holding DogMonitor.sln, above the test binaries.</summary>
internal static class Repository
{
    /// <summary>The checkout's root, or null when the tests run outside one.</summary>
    public static string? Root { get; } = Find();

    private static string? Find()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "DogMonitor.sln"))) folder = folder.Parent;
        return folder?.FullName;
    }
}
