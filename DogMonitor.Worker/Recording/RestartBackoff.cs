namespace DogMonitor.Worker.Recording;

/// <summary>
/// How long to wait before restarting ffmpeg: 1 s doubling to 30 s, back to 1 s after a healthy minute. A failure only
/// a person can mend (a refused password, a wrong path) waits 30 s doubling to 5 minutes instead, so a camera left
/// misconfigured is not hammered, and is seen again soon after someone fixes it.
/// </summary>
internal sealed class RestartBackoff
{
    public static readonly TimeSpan HealthyReset = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan Longest = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan SlowFirst = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan SlowLongest = TimeSpan.FromMinutes(5);

    private int _failures;

    /// <param name="healthyFor">How long the run that just ended recorded without trouble.</param>
    /// <param name="needsPerson">Whether the failure is one only a person can mend.</param>
    public TimeSpan Next(TimeSpan healthyFor, bool needsPerson = false)
    {
        if (healthyFor >= HealthyReset) _failures = 0;
        var step = Math.Min(_failures, 5);
        _failures++;
        if (needsPerson)
        {
            var slow = SlowFirst * (1 << Math.Min(step, 4));
            return slow < SlowLongest ? slow : SlowLongest;
        }
        return step >= 5 ? Longest : TimeSpan.FromSeconds(1 << step);
    }
}
