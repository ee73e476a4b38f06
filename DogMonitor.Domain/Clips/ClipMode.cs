namespace DogMonitor.Domain.Clips;

public enum ClipMode
{
    /// <summary>Frame-accurate, re-encoded: lasts exactly the asked duration.</summary>
    Exact,

    /// <summary>Keyframe-aligned stream copy: quicker, starts at the segment boundary before the asked start.</summary>
    Fast,
}
