using DogMonitor.Domain.Activity;

namespace DogMonitor.Tests.Domain.Activity;

/// <summary>One camera's detectors together: frames and sound windows in, periods of activity out, zones parsed from settings.</summary>
public sealed class CameraActivityTests
{
    private static readonly DateTime T = new(2026, 12, 3, 12, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void AShapeCrossingAndThenABark_AreTwoPeriods_WhenQuietLongerThanTheMergeGapLiesBetween()
    {
        var activity = new CameraActivity(new ActivityOptions { Moments = new MomentSettings { MergeGap = TimeSpan.FromSeconds(3) } }, (1280, 720));
        Assert.Equal((160, 90, 14_400), (ActivityFeed.FrameWidth, activity.FrameHeight, activity.FrameBytes));
        var periods = new List<ActivityPeriod>();
        var still = new byte[activity.FrameBytes];
        Array.Fill(still, (byte)80);
        var quiet = Tone(0.01);

        for (var i = 0; i < 100; i++) // 20 s at 5 frames a second, sound every 100 ms
        {
            var at = T.AddMilliseconds(200 * i);
            var frame = (byte[])still.Clone();
            if (i is >= 10 and < 20) Block(frame, left: 8 * (i - 10), top: 40); // seconds 2 to 4: a shape runs
            Add(periods, activity.Frame(at, frame));
            Add(periods, activity.Sound(at, i is >= 60 and < 65 ? Tone(0.5) : quiet)); // seconds 12 to 13: a bark
            Add(periods, activity.Sound(at.AddMilliseconds(100), quiet));
        }
        Add(periods, activity.Flush(T.AddSeconds(20)));

        Assert.Equal(2, periods.Count);
        Assert.Equal(ActivityKinds.Motion, periods[0].Kinds);
        Assert.InRange(periods[0].Start, T.AddSeconds(2), T.AddSeconds(2.2));
        Assert.InRange(periods[0].PeakMotion, 0.005, 0.05);
        Assert.Null(periods[0].PeakSoundDbfs);
        Assert.Equal(ActivityKinds.Sound, periods[1].Kinds);
        Assert.Equal(T.AddSeconds(12), periods[1].Start);
        Assert.InRange(periods[1].PeakSoundDbfs!.Value, -10, -8);
        Assert.Equal(periods[1].Start - TimeSpan.FromSeconds(5), periods[1].ClipStart);
    }

    [Fact]
    public void ACameraWhosePictureIsNotKnown_JudgesSoundOnly()
    {
        var activity = new CameraActivity(new ActivityOptions(), picture: null);

        Assert.False(activity.WatchesMotion);
        Assert.Equal(0, activity.FrameBytes);
    }

    [Fact]
    public void ZonesDrawnWhileItRecords_AreIgnoredFromThen_AndTakenAwayAgain()
    {
        var activity = new CameraActivity(new ActivityOptions(), (1280, 720));
        var still = new byte[activity.FrameBytes];
        Array.Fill(still, (byte)80);
        // The shape runs along rows 40 to 48 of 90, across the left 60 % of the picture.
        List<ActivityPeriod> Run(DateTime from)
        {
            var periods = new List<ActivityPeriod>();
            for (var i = 0; i < 50; i++)
            {
                var frame = (byte[])still.Clone();
                if (i is >= 10 and < 20) Block(frame, left: 8 * (i - 10), top: 40);
                Add(periods, activity.Frame(from.AddMilliseconds(200 * i), frame));
            }
            Add(periods, activity.Flush(from.AddSeconds(10)));
            return periods;
        }

        activity.IgnoreZones(["0,0.4 0.7,0.4 0.7,0.6 0,0.6"]);
        Assert.Empty(Run(T));

        activity.IgnoreZones([]);
        Assert.Equal(ActivityKinds.Motion, Assert.Single(Run(T.AddMinutes(1))).Kinds);
        Assert.Throws<FormatException>(() => activity.IgnoreZones(["0,0 1,1"]));
    }

    [Fact]
    public void IgnoreZonesAreWrittenAsCornersInFractions_AndAWrongOneSaysWhatIsWrong()
    {
        Assert.Equal([(0.0, 0.9), (0.5, 0.9), (0.5, 1.0)], ZoneMask.ParsePolygon("0,0.9 0.5,0.9  0.5,1"));
        Assert.Contains("'1.5,0'", Assert.Throws<FormatException>(() => ZoneMask.ParsePolygon("0,0 1.5,0 1,1")).Message, StringComparison.Ordinal);
        Assert.Contains("at least three corners", Assert.Throws<FormatException>(() => ZoneMask.ParsePolygon("0,0 1,1")).Message, StringComparison.Ordinal);
    }

    private static void Add(List<ActivityPeriod> periods, ActivityPeriod? period)
    {
        if (period is not null) periods.Add(period);
    }

    private static void Block(byte[] frame, int left, int top)
    {
        for (var y = top; y < top + 8; y++)
            for (var x = left; x < left + 12; x++)
                frame[y * ActivityFeed.FrameWidth + x] = 220;
    }

    private static short[] Tone(double amplitude) =>
        [.. Enumerable.Range(0, ActivityFeed.SamplesPerWindow).Select(i => (short)(amplitude * 32767 * Math.Sin(2 * Math.PI * 440 * i / ActivityFeed.SampleRate)))];
}
