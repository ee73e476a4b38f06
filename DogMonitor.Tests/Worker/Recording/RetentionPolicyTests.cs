using DogMonitor.Worker.Recording;

namespace DogMonitor.Tests.Worker.Recording;

public class RetentionPolicyTests
{
    private static readonly DateTime Now = new(2026, 11, 24, 10, 0, 0, DateTimeKind.Utc);

    // Ten 2-second segments ending at now - 18 s … now.
    private static readonly DateTime[] Ends = [.. Enumerable.Range(0, 10).Select(i => Now.AddSeconds(-18 + 2 * i))];
    private static readonly long[] Sizes = [.. Enumerable.Repeat(100L, 10)];

    [Theory]
    [InlineData(60, 0)]
    [InlineData(18, 1)]  // ends exactly at the limit: gone
    [InlineData(11, 4)]
    [InlineData(1, 9)]   // the newest ends now
    public void SegmentsEndedBeforeTheRetention_Go(int retentionSeconds, int expected)
    {
        Assert.Equal(expected, RetentionPolicy.CountToDrop(Ends, Sizes, Now, TimeSpan.FromSeconds(retentionSeconds), maxBytes: 0));
    }

    [Theory]
    [InlineData(1000, 0)]
    [InlineData(999, 1)]
    [InlineData(650, 4)]
    public void OverTheBudget_TheOldestGoUntilUnder(long maxBytes, int expected)
    {
        Assert.Equal(expected, RetentionPolicy.CountToDrop(Ends, Sizes, Now, TimeSpan.FromHours(1), maxBytes));
    }

    [Fact]
    public void AgeAndBudget_TheStricterWins()
    {
        Assert.Equal(4, RetentionPolicy.CountToDrop(Ends, Sizes, Now, TimeSpan.FromSeconds(15), maxBytes: 650));
        Assert.Equal(6, RetentionPolicy.CountToDrop(Ends, Sizes, Now, TimeSpan.FromSeconds(7), maxBytes: 650));
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 1)]
    [InlineData(250, 3)]
    [InlineData(100_000, 9)] // never the newest: the live edge stays
    public void SpaceTheDiskNeedsBack_TheOldestGoUntilFreed(long bytesToFree, int expected)
    {
        Assert.Equal(expected, RetentionPolicy.CountToDrop(Ends, Sizes, Now, TimeSpan.FromHours(1), maxBytes: 0, bytesToFree));
    }

    [Fact]
    public void WhatRetentionDropsAnyway_CountsTowardsTheSpaceNeeded()
    {
        Assert.Equal(4, RetentionPolicy.CountToDrop(Ends, Sizes, Now, TimeSpan.FromSeconds(11), maxBytes: 0, bytesToFree: 350));
        Assert.Equal(5, RetentionPolicy.CountToDrop(Ends, Sizes, Now, TimeSpan.FromSeconds(11), maxBytes: 0, bytesToFree: 401));
    }
}
