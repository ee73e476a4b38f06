namespace DogMonitor.Domain.Storage;

/// <summary>The local-disk store (section <c>Storage:FileSystem</c>).</summary>
public sealed class FileSystemStorageOptions
{
    /// <summary>
    /// Secret for signing media URLs. When empty, a random key is created once under the data
    /// directory, so URLs survive restarts.
    /// </summary>
    public string? SigningKey { get; set; }
}
