using System.ComponentModel.DataAnnotations;

namespace DogMonitor.Domain.Snapshots;

/// <summary>Limits for stored snapshots (section <c>Snapshots</c>).</summary>
public sealed class SnapshotOptions
{
    public const string SectionName = "Snapshots";

    /// <summary>Largest decoded image accepted, in bytes (default 10 MB).</summary>
    [Range(1024, 512L * 1024 * 1024)]
    public long MaxImageBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>Largest image accepted, in pixels (default 50 megapixels).</summary>
    [Range(1, 500_000_000)]
    public long MaxPixels { get; set; } = 50_000_000;

    /// <summary>Longest side of a thumbnail, in pixels.</summary>
    [Range(32, 2048)]
    public int ThumbnailMaxSide { get; set; } = 320;

    /// <summary>
    /// Largest request body: the image as base64 (4/3 of its size) plus room for the other fields.
    /// Bodies over this are refused before they are read whole.
    /// </summary>
    public long MaxRequestBytes => MaxImageBytes / 3 * 4 + 8 + 64 * 1024;
}
