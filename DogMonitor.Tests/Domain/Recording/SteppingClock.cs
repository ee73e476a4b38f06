namespace DogMonitor.Tests.Domain.Recording;

/// <summary>A clock that moves on by <paramref name="step"/> each time it is read, so waits run out quickly.</summary>
internal sealed class SteppingClock(DateTimeOffset start, TimeSpan step) : TimeProvider
{
    private long _reads;

    public override DateTimeOffset GetUtcNow() => start + step * Interlocked.Increment(ref _reads);
}
