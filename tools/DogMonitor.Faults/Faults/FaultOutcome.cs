namespace DogMonitor.Faults.Faults;

/// <summary>
/// How a fault went: when it ended (the dependency back, the process started again), and what the fault itself saw.
/// </summary>
/// <param name="OwnRecoveryAt">When what the fault broke works again by its own measure (recording resumed), if it has one.</param>
/// <param name="Lost">Items the fault itself found lost (a delete that found nothing).</param>
/// <param name="Completed">Work the fault completed beyond the load's items (create/delete cycles).</param>
public sealed record FaultOutcome(DateTime End, IReadOnlyList<string> Notes)
{
    public DateTime? OwnRecoveryAt { get; init; }
    public bool OwnRecoveryFailed { get; init; }
    public IReadOnlyList<string> Lost { get; init; } = [];
    public int Completed { get; init; }

    /// <summary>An outage that requests must meet: some are answered 503 (else the load missed it and proved nothing).</summary>
    public bool ExpectsUnavailable { get; init; }

    /// <summary>Requests may go unanswered (the web process itself was down); otherwise every request must get an answer.</summary>
    public bool UnansweredExpected { get; init; }

    /// <summary>Promises the fault itself saw broken (the camera never said its disk was full).</summary>
    public IReadOnlyList<string> Problems { get; init; } = [];
}
