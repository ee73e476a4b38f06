namespace DogMonitor.Domain.Recording;

internal static class UtcTime
{
    /// <summary>Times without a kind are taken as UTC, which is what the API and the playlists speak.</summary>
    public static DateTime AsUtc(DateTime time) => time.Kind switch
    {
        DateTimeKind.Local => time.ToUniversalTime(),
        DateTimeKind.Unspecified => DateTime.SpecifyKind(time, DateTimeKind.Utc),
        _ => time,
    };
}
