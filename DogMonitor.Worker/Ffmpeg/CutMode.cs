namespace DogMonitor.Worker.Ffmpeg;

public enum CutMode
{
    /// <summary>Frame-accurate: re-encoded, lasts exactly the asked duration (within one frame).</summary>
    Exact,

    /// <summary>Keyframe-aligned stream copy of the covering segments: quick, a little longer than asked.</summary>
    Fast,
}
