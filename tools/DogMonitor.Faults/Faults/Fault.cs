using DogMonitor.Faults.Load;
using DogMonitor.Faults.Report;
using DogMonitor.Faults.Stack;

namespace DogMonitor.Faults.Faults;

/// <summary>What a fault has at hand while the steady load runs.</summary>
public sealed record FaultContext(ProductionStack Stack, ApiLoad Load, Inventory Inventory, HttpClient Client, string Phase, Action<string> Say);

/// <summary>One fault of the suite: injected while the steady load runs; returns once the fault is over.</summary>
public abstract class Fault
{
    /// <summary>Its line in the table.</summary>
    public abstract string Name { get; }

    public abstract Task<FaultOutcome> InjectAsync(FaultContext context);
}
