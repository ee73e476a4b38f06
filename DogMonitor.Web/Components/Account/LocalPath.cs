namespace DogMonitor.Web.Components.Account;

/// <summary>A return address is followed only when it stays on this app, so a link cannot bounce a person elsewhere.</summary>
public static class LocalPath
{
    public static string OrHome(string? path) =>
        path is { Length: > 0 } && path[0] == '/' && !path.StartsWith("//", StringComparison.Ordinal) && !path.StartsWith("/\\", StringComparison.Ordinal)
            ? path : "/live";
}
