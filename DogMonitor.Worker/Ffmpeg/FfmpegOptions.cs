using System.ComponentModel.DataAnnotations;

namespace DogMonitor.Worker.Ffmpeg;

/// <summary>How the clip cutter runs ffmpeg and ffprobe (section <c>Ffmpeg</c>).</summary>
public sealed class FfmpegOptions
{
    public const string SectionName = "Ffmpeg";

    /// <summary>The ffmpeg executable: a path, or a name looked up on PATH.</summary>
    [Required]
    public string FfmpegPath { get; set; } = "ffmpeg";

    /// <summary>The ffprobe executable: a path, or a name looked up on PATH.</summary>
    [Required]
    public string FfprobePath { get; set; } = "ffprobe";

    /// <summary>Longest a cut may run before ffmpeg is stopped.</summary>
    [Range(typeof(TimeSpan), "00:00:05", "1.00:00:00")]
    public TimeSpan CutTimeout { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Longest a frame grab or a preview may run.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan FrameTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Longest an ffprobe run (segment scan, measuring a clip) may take.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan ProbeTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>x264 preset for exact cuts: faster presets make larger files for the same quality.</summary>
    [AllowedValues("ultrafast", "superfast", "veryfast", "faster", "fast", "medium", "slow", "slower", "veryslow")]
    public string Preset { get; set; } = "veryfast";

    /// <summary>x264 constant rate factor for exact cuts (lower is better and larger; 23 is x264's default).</summary>
    [Range(0, 51)]
    public int Crf { get; set; } = 23;

    /// <summary>
    /// Fast clips of a camera whose video browsers cannot play (H.265) are encoded as H.264 so they play in the gallery;
    /// true keeps them as the camera sent them (no loss, no CPU) for those who watch them in other players. Exact clips
    /// are always H.264.
    /// </summary>
    public bool KeepCameraCodecInFastClips { get; set; }

    /// <summary>Encoder threads per cut; 0 lets ffmpeg use every core.</summary>
    [Range(0, 64)]
    public int Threads { get; set; }
}
