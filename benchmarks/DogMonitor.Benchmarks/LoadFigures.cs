namespace DogMonitor.Benchmarks;

/// <summary>What a run of closed loops measured: requests a second over the measured window and latency percentiles.</summary>
public sealed record LoadFigures(int Requests, TimeSpan Window, IReadOnlyList<double> SortedMilliseconds, int Errors, string? FirstError)
{
    public double PerSecond => Requests / Window.TotalSeconds;

    /// <summary>The nearest-rank percentile of every measured request's latency, in milliseconds.</summary>
    public double Percentile(double percent) => NearestRank(SortedMilliseconds, percent);

    /// <summary>The nearest-rank percentile of sorted samples.</summary>
    public static double NearestRank(IReadOnlyList<double> sorted, double percent) => sorted.Count == 0 ? double.NaN
        : sorted[Math.Clamp((int)Math.Ceiling(percent / 100 * sorted.Count) - 1, 0, sorted.Count - 1)];
}
