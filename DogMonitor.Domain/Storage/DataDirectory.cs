namespace DogMonitor.Domain.Storage;

/// <summary>The one folder the embedded default keeps everything in (configuration key <c>DataDirectory</c>, default <c>./data</c>).</summary>
public sealed record DataDirectory(string Path)
{
    public const string ConfigurationKey = "DataDirectory";

    public static DataDirectory From(string? configured) =>
        new(System.IO.Path.GetFullPath(string.IsNullOrWhiteSpace(configured) ? "data" : configured));

    public string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);
}
