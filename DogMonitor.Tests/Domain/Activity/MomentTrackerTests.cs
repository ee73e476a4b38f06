using DogMonitor.Domain.Activity;

namespace DogMonitor.Tests.Domain.Activity;

/// <summary>Activity merged into moments: gaps, kinds, the peak, the clip's pre- and post-roll, and the longest moment.</summary>
public sealed class MomentTrackerTests
{
    private static readonly DateTime T = new(2026, 12, 3, 12, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void ActivityWithShortPausesIsOneMoment_WithItsKindsPeakAndRolls()
    {
        var tracker = new MomentTracker(new MomentSettings());
        Assert.Null(tracker.Observe(T, Motion(0.01)));
        Assert.Null(tracker.Observe(T.AddSeconds(6), new ActivitySample(ActivityKinds.Sound, SoundDbfs: -12)));
        Assert.Null(tracker.Observe(T.AddSeconds(12), Motion(0.02)));
        Assert.Null(tracker.Observe(T.AddSeconds(20), ActivitySample.Quiet)); // 8 s quiet: not yet over

        var moment = tracker.Observe(T.AddSeconds(22), ActivitySample.Quiet);

        Assert.Equal(new ActivityPeriod(T, T.AddSeconds(12), ActivityKinds.Motion | ActivityKinds.Sound, 0.02, -12, false, T.AddSeconds(-5), T.AddSeconds(17)), moment);
        Assert.Null(tracker.Flush(T.AddSeconds(30)));
    }

    [Fact]
    public void ActivityAfterALongPauseIsTheNextMoment()
    {
        var tracker = new MomentTracker(new MomentSettings());
        tracker.Observe(T, Motion(0.01));

        var first = tracker.Observe(T.AddSeconds(30), Motion(0.03));

        Assert.Equal((T, T), (first!.Start, first.End));
        Assert.Equal(new ActivityPeriod(T.AddSeconds(30), T.AddSeconds(30), ActivityKinds.Motion, 0.03, null, false, T.AddSeconds(25), T.AddSeconds(35)), tracker.Flush(T.AddSeconds(31)));
    }

    [Fact]
    public void ActivityThatGoesOnIsCutIntoMomentsOfTheLongestLength()
    {
        var tracker = new MomentTracker(new MomentSettings { MaxLength = TimeSpan.FromMinutes(1) });
        var moments = Enumerable.Range(0, 150).Select(i => tracker.Observe(T.AddSeconds(i), Motion(0.01))).OfType<ActivityPeriod>().ToList();

        Assert.Equal([(T, T.AddSeconds(60)), (T.AddSeconds(61), T.AddSeconds(121))], moments.Select(m => (m.Start, m.End)));
    }

    private static ActivitySample Motion(double share) => new(ActivityKinds.Motion, share);
}
