using System.ComponentModel.DataAnnotations;

namespace DogMonitor.Domain.Recording;

/// <summary>The rolling recording buffer (section <c>Recording</c>).</summary>
public sealed class RecordingOptions
{
    public const string SectionName = "Recording";

    /// <summary>Where each camera's buffer lives (a folder per camera). Default <c>{DataDirectory}/buffer</c>.</summary>
    public string? BufferDirectory { get; set; }

    /// <summary>
    /// How much continuous recording is kept: a day by default, so "what happened this morning" can be scrubbed back
    /// to. Old segments go in batches (at most 10 minutes' worth), so the buffer can run that much over.
    /// </summary>
    [Range(typeof(TimeSpan), "00:01:00", "31.00:00:00")]
    public TimeSpan Retention { get; set; } = TimeSpan.FromHours(24);

    /// <summary>
    /// Disk budget per camera; the oldest segments go first when it is exceeded (by up to a hundredth, as above). 0 means
    /// no budget. 20 GB holds a day of a 1080p camera at 1.8 Mbit/s.
    /// </summary>
    [Range(0, long.MaxValue)]
    public long MaxBytesPerCamera { get; set; } = 20L * 1024 * 1024 * 1024;

    /// <summary>
    /// Free space kept on the buffer's disk: when less is left, the oldest segments go early (the newest stays), so a
    /// disk shared with other things does not fill up with recording. 0 keeps none.
    /// </summary>
    [Range(0, long.MaxValue)]
    public long MinFreeBytes { get; set; } = 128L * 1024 * 1024;

    /// <summary>Target length of one buffer segment (each starts on a keyframe).</summary>
    [Range(1, 10)]
    public int SegmentSeconds { get; set; } = 2;

    /// <summary>
    /// How often the synthetic camera's scene acts: a shape runs across its floor a quarter of the way in, a bark sounds
    /// three quarters in, so moments appear without a real camera. Zero keeps the scene still.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan SyntheticActivityEvery { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Whether the recorders notice activity (motion and sound) and keep it as moments; each camera can also be left out
    /// (<c>Cameras:N:Activity:Enabled</c>).
    /// </summary>
    public bool DetectActivity { get; set; } = true;

    /// <summary>Whether this process runs the recorders. Exactly one process per installation should.</summary>
    public bool Enabled { get; set; } = true;
}
