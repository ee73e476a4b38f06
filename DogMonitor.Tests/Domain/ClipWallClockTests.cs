using DogMonitor.Domain.Clips;
using DogMonitor.Domain.Recording;

namespace DogMonitor.Tests.Domain;

/// <summary>Wall-clock times inside a clip cut across gaps in the recording, and what a trim of it starts at and spans.</summary>
public sealed class ClipWallClockTests
{
    private static readonly DateTime Start = new(2026, 12, 3, 10, 0, 0, DateTimeKind.Utc);

    // 30 s asked; the camera was away from 0:05 to 0:08 and from 0:20 to 0:22, so the video lasts 25 s.
    private static readonly Clip Source = new()
    {
        OwnerId = "owner", CameraId = "cam", Timestamp = Start, DurationMs = 30_000,
        Gaps = [new BufferSpan(Start.AddSeconds(20), Start.AddSeconds(22)), new BufferSpan(Start.AddSeconds(5), Start.AddSeconds(8))],
    };

    [Theory]
    [InlineData(0, 0)]
    [InlineData(4_999, 4_999)]
    [InlineData(5_000, 8_000)] // at a gap: the first frame after it
    [InlineData(6_000, 9_000)]
    [InlineData(17_000, 22_000)]
    [InlineData(25_000, 30_000)]
    public void AMomentOfTheVideoIsLaterBySumOfTheGapsBeforeIt(int offsetMs, int wallMs)
    {
        Assert.Equal(Start.AddMilliseconds(wallMs), ClipWallClock.At(Source, offsetMs));
    }

    [Fact]
    public void ATrimStartsWhereItsFirstFrameWasRecorded_AndKeepsTheGapsItPlaysAcross()
    {
        var (start, gaps) = ClipWallClock.Trim(Source, offsetMs: 6_000, durationMs: 12_000); // 0:09 to 0:23 on the wall

        Assert.Equal(Start.AddSeconds(9), start);
        Assert.Equal([new BufferSpan(Start.AddSeconds(20), Start.AddSeconds(22))], gaps);
    }

    [Fact]
    public void ATrimThatEndsWhereAGapBeginsOrStartsWhereOneEnds_SpansNone()
    {
        Assert.Empty(ClipWallClock.Trim(Source, offsetMs: 0, durationMs: 5_000).Gaps);
        Assert.Equal((Start.AddSeconds(8), 0), ClipWallClock.Trim(Source, offsetMs: 5_000, durationMs: 4_000) is var (s, g) ? (s, g.Count) : default);
    }

    [Fact]
    public void AClipWithoutGapsMapsOneToOne()
    {
        var whole = new Clip { OwnerId = "owner", CameraId = "cam", Timestamp = Start, DurationMs = 10_000 };

        Assert.Equal((Start.AddMilliseconds(2_500), 0), ClipWallClock.Trim(whole, 2_500, 5_000) is var (s, g) ? (s, g.Count) : default);
    }
}
