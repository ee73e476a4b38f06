using System.ComponentModel.DataAnnotations;

namespace DogMonitor.Domain.Storage;

/// <summary>Where media is stored (section <c>Storage</c>).</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    public StorageProvider Provider { get; set; } = StorageProvider.FileSystem;

    /// <summary>How long a media URL handed to a client stays valid.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00")]
    public TimeSpan UrlLifetime { get; set; } = TimeSpan.FromMinutes(15);

    public S3StorageOptions S3 { get; set; } = new();

    public FileSystemStorageOptions FileSystem { get; set; } = new();
}
