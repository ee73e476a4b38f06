namespace DogMonitor.Web.Components.Live;

/// <summary>
/// The stretch of time the live page's timeline shows: a zoom (ten minutes to a week) ending now, or ending earlier
/// once the person pans back; and where a time falls on the strip, as a fraction of its width.
/// </summary>
public sealed class TimelineWindow
{
    /// <summary>The zooms offered, shortest first.</summary>
    public static readonly IReadOnlyList<(string Name, TimeSpan Length)> Zooms =
    [
        ("10 min", TimeSpan.FromMinutes(10)),
        ("1 hour", TimeSpan.FromHours(1)),
        ("6 hours", TimeSpan.FromHours(6)),
        ("1 day", TimeSpan.FromDays(1)),
        ("7 days", TimeSpan.FromDays(7)),
    ];

    private DateTime? _pinnedEnd;

    /// <summary>How much the strip spans.</summary>
    public TimeSpan Length { get; private set; } = TimeSpan.FromMinutes(10);

    /// <summary>Whether the window ends now and moves on with the clock.</summary>
    public bool FollowsNow => _pinnedEnd is null;

    /// <summary>How far the keyboard moves the timeline's cursor: a sixtieth of the window (10 s at 10 minutes).</summary>
    public TimeSpan Step => Length / 60;

    public DateTime End(DateTime now) => _pinnedEnd ?? now;

    public DateTime Start(DateTime now) => End(now) - Length;

    /// <summary>Zooms around <paramref name="centre"/> (the playing frame), or keeps ending now when the window did.</summary>
    public void Zoom(TimeSpan length, DateTime now, DateTime? centre)
    {
        Length = length;
        if (_pinnedEnd is null || centre is null) return;
        Pin(centre.Value + length / 2, now);
    }

    /// <summary>Moves the window half its length earlier (-1) or later (+1); reaching now, it follows now again.</summary>
    public void Pan(int direction, DateTime now) => Pin(End(now) + direction * Length / 2, now);

    /// <summary>Ends the window now again.</summary>
    public void FollowNow() => _pinnedEnd = null;

    /// <summary>Where <paramref name="time"/> falls on the strip, from 0 (its left end) to 1 (its right end).</summary>
    public double FractionOf(DateTime time, DateTime now) =>
        Math.Clamp((time - Start(now)) / Length, 0, 1);

    /// <summary>The time at <paramref name="fraction"/> of the strip's width.</summary>
    public DateTime TimeAt(double fraction, DateTime now) => Start(now) + Length * Math.Clamp(fraction, 0, 1);

    /// <summary>Whether any of [start, end) shows on the strip.</summary>
    public bool Shows(DateTime start, DateTime end, DateTime now) => end > Start(now) && start < End(now);

    private void Pin(DateTime end, DateTime now) => _pinnedEnd = end >= now ? null : end;
}
