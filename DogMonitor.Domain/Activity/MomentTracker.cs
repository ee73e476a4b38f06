namespace DogMonitor.Domain.Activity;

/// <summary>
/// Merges a camera's activity, observation by observation, into moments: activity with less than
/// <see cref="MomentSettings.MergeGap"/> of quiet in between is one moment, and a moment never runs longer than
/// <see cref="MomentSettings.MaxLength"/> (a dog playing for an hour is several). Each moment is kept as a clip from
/// <see cref="MomentSettings.PreRoll"/> before its first activity to <see cref="MomentSettings.PostRoll"/> after its
/// last. Not thread-safe: one per camera, fed in time order.
/// </summary>
public sealed class MomentTracker(MomentSettings settings)
{
    private DateTime _start;
    private DateTime _last;
    private ActivityKinds _kinds;
    private double _peak;
    private bool _open;

    /// <summary>Notes activity of <paramref name="kinds"/> at <paramref name="at"/> (none: a quiet observation); returns a moment it closed.</summary>
    public Moment? Observe(DateTime at, ActivityKinds kinds, double score)
    {
        var closed = Close(at, force: false);
        if (kinds == ActivityKinds.None) return closed;
        if (!_open)
        {
            (_start, _kinds, _peak, _open) = (at, ActivityKinds.None, 0, true);
        }
        _last = at;
        _kinds |= kinds;
        _peak = Math.Max(_peak, score);
        if (_last - _start >= settings.MaxLength) return closed ?? Close(at, force: true);
        return closed;
    }

    /// <summary>Closes the open moment at once (the recorder stops); null when none is open.</summary>
    public Moment? Flush(DateTime now) => Close(now, force: true);

    private Moment? Close(DateTime now, bool force)
    {
        if (!_open || !force && now - _last < settings.MergeGap) return null;
        _open = false;
        return new Moment(_start, _last, _kinds, _peak, _start - settings.PreRoll, _last + settings.PostRoll);
    }
}

/// <summary>A period of activity, and the span its clip covers.</summary>
public sealed record Moment(DateTime Start, DateTime End, ActivityKinds Kinds, double PeakScore, DateTime ClipStart, DateTime ClipEnd);

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
