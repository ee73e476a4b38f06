namespace DogMonitor.Domain.Activity;

/// <summary>
/// Merges a camera's activity, observation by observation, into periods: activity with less than
/// <see cref="MomentSettings.MergeGap"/> of quiet in between is one period, and a period never runs longer than
/// <see cref="MomentSettings.MaxLength"/> (a dog playing for an hour is several). Each is kept as a clip from
/// <see cref="MomentSettings.PreRoll"/> before its first activity to <see cref="MomentSettings.PostRoll"/> after its
/// last. Not thread-safe: one per camera, fed in time order.
/// </summary>
public sealed class MomentTracker(MomentSettings settings)
{
    private DateTime _start;
    private DateTime _last;
    private ActivityKinds _kinds;
    private double _peakMotion;
    private double _peakSound;
    private bool _continuous;
    private bool _open;

    /// <summary>Notes what was seen and heard at <paramref name="at"/> (<see cref="ActivitySample.Quiet"/> too); returns a period it closed.</summary>
    public ActivityPeriod? Observe(DateTime at, ActivitySample sample)
    {
        var closed = Close(at, force: false);
        if (sample.Kinds == ActivityKinds.None) return closed;
        if (!_open)
        {
            (_start, _kinds, _peakMotion, _peakSound, _continuous, _open) = (at, ActivityKinds.None, 0, SoundDetector.Silence, false, true);
        }
        _last = at;
        _kinds |= sample.Kinds;
        _peakMotion = Math.Max(_peakMotion, sample.MotionShare);
        _peakSound = Math.Max(_peakSound, sample.SoundDbfs);
        _continuous |= sample.ContinuousSound;
        if (_last - _start >= settings.MaxLength) return closed ?? Close(at, force: true);
        return closed;
    }

    /// <summary>Closes the open period at once (the recorder stops); null when none is open.</summary>
    public ActivityPeriod? Flush(DateTime now) => Close(now, force: true);

    private ActivityPeriod? Close(DateTime now, bool force)
    {
        if (!_open || !force && now - _last < settings.MergeGap) return null;
        _open = false;
        return new ActivityPeriod(_start, _last, _kinds, _peakMotion, _kinds.HasFlag(ActivityKinds.Sound) ? _peakSound : null, _continuous,
            _start - settings.PreRoll, _last + settings.PostRoll);
    }
}

/// <summary>One observation: what was noticed, and how much.</summary>
/// <param name="MotionShare">The share of the watched picture that changed (0 to 1).</param>
/// <param name="SoundDbfs">The window's loudness.</param>
/// <param name="ContinuousSound">Loud windows have gone on for <see cref="SoundSettings.ContinuousAfter"/>.</param>
public readonly record struct ActivitySample(ActivityKinds Kinds, double MotionShare = 0, double SoundDbfs = SoundDetector.Silence, bool ContinuousSound = false)
{
    public static ActivitySample Quiet => new(ActivityKinds.None);
}

/// <summary>A period of activity, and the span of recording its clip covers.</summary>
/// <param name="PeakMotion">The most of the watched picture that changed at once (0 to 1).</param>
/// <param name="PeakSoundDbfs">The loudest window, when sound was part of it.</param>
public sealed record ActivityPeriod(
    DateTime Start, DateTime End, ActivityKinds Kinds, double PeakMotion, double? PeakSoundDbfs, bool ContinuousSound, DateTime ClipStart, DateTime ClipEnd);

/// <summary>How activity becomes moments (per camera).</summary>
public sealed record MomentSettings
{
    public TimeSpan PreRoll { get; init; } = TimeSpan.FromSeconds(5);
    public TimeSpan PostRoll { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Quiet that ends a moment: activity closer than this to the last is the same moment.</summary>
    public TimeSpan MergeGap { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>The longest one moment runs; activity that goes on starts the next.</summary>
    public TimeSpan MaxLength { get; init; } = TimeSpan.FromMinutes(2);
}
