namespace DogMonitor.Tests.Worker.Ffmpeg;

/// <summary>Keeps every progress value, in the order reported (unlike Progress&lt;T&gt;, which posts them to the thread pool).</summary>
public sealed class ProgressRecorder(Action<double>? onReport = null) : IProgress<double>
{
    private readonly List<double> _values = [];

    public IReadOnlyList<double> Values
    {
        get
        {
            lock (_values) return [.. _values];
        }
    }

    public void Report(double value)
    {
        lock (_values) _values.Add(value);
        onReport?.Invoke(value);
    }
}
