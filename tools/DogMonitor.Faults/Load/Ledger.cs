using System.Collections.Concurrent;

namespace DogMonitor.Faults.Load;

/// <summary>Every request of a fault run, in the order answered.</summary>
public sealed class Ledger
{
    private readonly ConcurrentQueue<Attempt> _attempts = new();

    public void Add(Attempt attempt) => _attempts.Enqueue(attempt);

    public IReadOnlyList<Attempt> Of(string phase) => [.. _attempts.Where(a => a.Phase == phase)];
}
