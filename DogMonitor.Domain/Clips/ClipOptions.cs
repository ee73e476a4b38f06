using System.ComponentModel.DataAnnotations;

namespace DogMonitor.Domain.Clips;

/// <summary>Clip limits and the job lease (section <c>Clips</c>).</summary>
public sealed class ClipOptions
{
    public const string SectionName = "Clips";

    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan MaxDuration { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How far ahead of now a clip may start (its end may lie further, up to the duration).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan MaxStartAhead { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a claimed clip stays claimed without the worker renewing it.</summary>
    [Range(typeof(TimeSpan), "00:00:05", "01:00:00")]
    public TimeSpan Lease { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>A clip still queued this long after its last change is published again.</summary>
    [Range(typeof(TimeSpan), "00:00:05", "01:00:00")]
    public TimeSpan QueuedRepublishAfter { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How often a cutting worker renews its lease and checks that the clip was not deleted.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00")]
    public TimeSpan Heartbeat { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>After this many claims without success a clip fails.</summary>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 5;

    /// <summary>Clips one worker process cuts at once.</summary>
    [Range(1, 64)]
    public int Concurrency { get; set; } = 1;

    /// <summary>Whether this process cuts clips (consumes the queue).</summary>
    public bool CuttingEnabled { get; set; } = true;

    /// <summary>Default and largest lifetime of a share link, in hours.</summary>
    [Range(1, 24 * 365)]
    public int ShareDefaultHours { get; set; } = 24;

    [Range(1, 24 * 365)]
    public int ShareMaxHours { get; set; } = 24 * 30;

    /// <summary>Longest side of a clip's preview image.</summary>
    [Range(64, 4096)]
    public int PreviewMaxSide { get; set; } = 640;
}
