namespace DogMonitor.Faults;

/// <summary>The steady load and the waiting around each fault.</summary>
public sealed record FaultSuiteOptions
{
    public TimeSpan ClipEvery { get; init; } = TimeSpan.FromSeconds(2);
    public TimeSpan SnapshotEvery { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Load before the fault, and after it (to see requests succeed again).</summary>
    public TimeSpan LeadIn { get; init; } = TimeSpan.FromSeconds(5);
    public TimeSpan Tail { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How long every clip accepted may take to be ready or failed once the load stops; past it, one still waiting counts as lost.</summary>
    public TimeSpan SettleTimeout { get; init; } = TimeSpan.FromMinutes(5);
}
