using DogMonitor.Domain.Clips;

namespace DogMonitor.Tests.Domain;

public sealed class ClipRulesTests
{
    [Theory]
    [InlineData(0, 1)] // a new clip whose job was lost
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(3, 4)]
    [InlineData(5, 16)]
    [InlineData(40, 16)]
    public void AClipIsTriedAgainLaterAfterEachFailedTry(int attemptsMade, int minutes)
    {
        var options = new ClipOptions { QueuedRepublishAfter = TimeSpan.FromMinutes(1) };

        Assert.Equal(TimeSpan.FromMinutes(minutes), ClipRules.RetryDelay(options, attemptsMade));
    }

    [Fact]
    public void OutOfAttempts_SaysWhyTheLastTryFailed_WhenItIsKnown()
    {
        Assert.Equal("Cutting was tried 5 times without success; see the worker's log.", ClipRules.OutOfAttempts(5));
        Assert.Equal("Cutting was tried 5 times without success. The last try failed: The media store s3 http://127.0.0.1:9000/dogs could not put clips/x/video.mp4: Connection refused",
            ClipRules.OutOfAttempts(5, "The media store s3 http://127.0.0.1:9000/dogs could not put clips/x/video.mp4: Connection refused"));
    }
}
