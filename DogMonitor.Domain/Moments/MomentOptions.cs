using System.ComponentModel.DataAnnotations;

namespace DogMonitor.Domain.Moments;

/// <summary>How long moments are kept (section <c>Moments</c>); a person's own clips, "Keep" copies among them, stay until deleted.</summary>
public sealed class MomentOptions
{
    public const string SectionName = "Moments";

    /// <summary>A moment and its clip go this long after it started: longer than the continuous recording, much shorter than forever.</summary>
    [Range(typeof(TimeSpan), "01:00:00", "3650.00:00:00")]
    public TimeSpan KeepFor { get; set; } = TimeSpan.FromDays(30);

    /// <summary>How often the workers that cut clips look for moments past <see cref="KeepFor"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromHours(1);
}
