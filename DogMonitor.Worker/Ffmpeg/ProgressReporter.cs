namespace DogMonitor.Worker.Ffmpeg;

/// <summary>
/// Turns ffmpeg's progress into a fraction of the expected output for an <see cref="IProgress{T}"/>: never
/// backwards, at most about four reports a second, 1 only when ffmpeg says it has finished.
/// </summary>
internal sealed class ProgressReporter(IProgress<double>? target, TimeSpan expected, TimeProvider clock)
{
    private static readonly TimeSpan MinInterval = TimeSpan.FromMilliseconds(250);

    // Writing the moov atom first is a second pass after the last frame, so "all frames out" is not yet "done".
    private const double BeforeEnd = 0.99;

    private double _last = -1;
    private DateTimeOffset _lastAt = DateTimeOffset.MinValue;

    public void Start() => Report(0, force: true);

    public void OnUpdate(ProgressUpdate update)
    {
        if (update.IsEnd)
        {
            Report(1, force: true);
            return;
        }

        if (update.OutTime is not { } outTime || expected <= TimeSpan.Zero) return;
        Report(Math.Clamp(outTime / expected, 0, BeforeEnd), force: false);
    }

    private void Report(double fraction, bool force)
    {
        if (target is null || fraction <= _last) return;
        var now = clock.GetUtcNow();
        if (!force && now - _lastAt < MinInterval) return;
        _last = fraction;
        _lastAt = now;
        target.Report(fraction);
    }
}
