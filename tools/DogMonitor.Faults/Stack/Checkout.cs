namespace DogMonitor.Faults.Stack;

/// <summary>The checkout this runs from (the folder holding DogMonitor.sln) and the hosts built in it.</summary>
public static class Checkout
{
    public static string Root { get; } = Find();

    /// <summary>A host's build output in the same configuration as this program's: bin/{Configuration}/net10.0.</summary>
    public static string Assembly(string project)
    {
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var path = Path.Combine(Root, project, "bin", output.Parent!.Name, output.Name, project + ".dll");
        return File.Exists(path) ? path : throw new InvalidOperationException($"{project} is not built at {path}: build the solution first (dotnet build DogMonitor.sln -c {output.Parent.Name}).");
    }

    private static string Find()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "DogMonitor.sln"))) folder = folder.Parent;
        return folder?.FullName ?? throw new InvalidOperationException("Run this from a DogMonitor checkout: no DogMonitor.sln above " + AppContext.BaseDirectory);
    }
}
