using DogMonitor.Worker.Recording;

namespace DogMonitor.Tests.Worker.Recording;

public class RestartBackoffTests
{
    [Fact]
    public void Delays_DoubleFromOneSecondToThirty()
    {
        var backoff = new RestartBackoff();

        var delays = Enumerable.Range(0, 8).Select(_ => backoff.Next(TimeSpan.FromSeconds(5)).TotalSeconds);

        Assert.Equal([1, 2, 4, 8, 16, 30, 30, 30], delays);
    }

    [Fact]
    public void AFailureOnlyAPersonCanMend_WaitsThirtySecondsDoublingToFiveMinutes()
    {
        var backoff = new RestartBackoff();

        var delays = Enumerable.Range(0, 7).Select(_ => backoff.Next(TimeSpan.Zero, needsPerson: true).TotalSeconds);

        Assert.Equal([30, 60, 120, 240, 300, 300, 300], delays);
    }

    [Fact]
    public void AMinuteOfHealth_StartsOverAtOneSecond()
    {
        var backoff = new RestartBackoff();
        for (var i = 0; i < 4; i++) backoff.Next(TimeSpan.Zero);

        Assert.Equal(TimeSpan.FromSeconds(1), backoff.Next(TimeSpan.FromMinutes(1)));
        Assert.Equal(TimeSpan.FromSeconds(2), backoff.Next(TimeSpan.FromSeconds(59)));
    }
}
