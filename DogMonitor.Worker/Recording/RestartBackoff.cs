namespace DogMonitor.Worker.Recording;

/// <summary>How long to wait before restarting ffmpeg: 1 s doubling to 30 s, back to 1 s after a healthy minute.</summary>
internal sealed class RestartBackoff
{
    public static readonly TimeSpan HealthyReset = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan Longest = TimeSpan.FromSeconds(30);

    private int _failures;

    /// <param name="healthyFor">How long the run that just ended recorded without trouble.</param>
    public TimeSpan Next(TimeSpan healthyFor)
    {
        if (healthyFor >= HealthyReset) _failures = 0;
        var delay = _failures >= 5 ? Longest : TimeSpan.FromSeconds(1 << _failures);
        _failures++;
        return delay;
    }
}
