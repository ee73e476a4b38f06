namespace DogMonitor.Web.Components.Gallery;

/// <summary>Reads the clip id out of a clip's download link, <c>/api/clips/{id}/download</c>.</summary>
public static class ClipDownloadLink
{
    private const string Prefix = "/api/clips/";
    private const string Suffix = "/download";

    public static Guid? ClipIdOf(string? url) =>
        url is not null && url.Length > Prefix.Length + Suffix.Length && url.StartsWith(Prefix, StringComparison.Ordinal) && url.EndsWith(Suffix, StringComparison.Ordinal)
            && Guid.TryParse(url.AsSpan(Prefix.Length, url.Length - Prefix.Length - Suffix.Length), out var id)
            ? id
            : null;
}
