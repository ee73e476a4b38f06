using System.ComponentModel.DataAnnotations;

namespace DogMonitor.Domain.Integrity;

/// <summary>The media audit (<see cref="MediaAudit"/>): how often it runs and how old an unclaimed object must be to go.</summary>
public sealed class MediaAuditOptions
{
    public const string SectionName = "MediaAudit";

    /// <summary>How often the workers that cut clips audit the store (and repair what they find).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00")]
    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(6);

    /// <summary>
    /// An object no row names is removed only once it is this old: a snapshot's objects are stored before its row is
    /// written, so a young one may be a snapshot being saved.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:03", "30.00:00:00")] // a snapshot's row follows its objects within milliseconds
    public TimeSpan OrphanGrace { get; set; } = TimeSpan.FromHours(1);
}
