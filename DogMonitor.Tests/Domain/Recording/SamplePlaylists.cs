namespace DogMonitor.Tests.Domain.Recording;

/// <summary>The playlists under Samples/, copied next to the test assembly.</summary>
internal static class SamplePlaylists
{
    public static string Read(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Domain", "Recording", "Samples", name));

    public static DateTime Utc(string iso) => DateTime.Parse(iso, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal | System.Globalization.DateTimeStyles.AssumeUniversal);
}
