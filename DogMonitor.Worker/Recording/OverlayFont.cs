namespace DogMonitor.Worker.Recording;

/// <summary>Finds a font for the clock burnt into synthetic video (DejaVu on Debian, Alpine and Fedora).</summary>
internal static class OverlayFont
{
    private static readonly string[] Candidates =
    [
        "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf",
        "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
        "/usr/share/fonts/dejavu/DejaVuSansMono.ttf",
        "/usr/share/fonts/ttf-dejavu/DejaVuSansMono.ttf",
        "/usr/share/fonts/dejavu-sans-mono-fonts/DejaVuSansMono.ttf",
    ];

    private static readonly Lazy<string?> Found = new(() => Candidates.FirstOrDefault(File.Exists));

    /// <summary>A font file path without characters the filter syntax would need escaped, or null.</summary>
    public static string? Path => Found.Value;
}
