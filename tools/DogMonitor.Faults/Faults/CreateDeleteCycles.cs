using System.Collections.Concurrent;
using DogMonitor.Faults.Load;

namespace DogMonitor.Faults.Faults;

/// <summary>
/// Snapshots and clips made and deleted <see cref="Count"/> times (half each, four at a time; a clip deleted at a random
/// moment: queued, being cut or ready) while the relays in front of PostgreSQL and S3 reset connections at random in the
/// middle of calls. A refused request is sent again, as a client would. Nothing may be left behind: no row whose delete
/// was answered, no object once the sweep has run.
/// </summary>
public sealed class CreateDeleteCycles(int count, double databaseFaultRate = 0.01, double storeFaultRate = 0.02) : Fault
{
    private const int MaxTries = 20;

    public int Count { get; } = count;
    public override string Name => $"{Count} create/delete cycles, random store/DB faults";

    public override async Task<FaultOutcome> InjectAsync(FaultContext context)
    {
        var stack = context.Stack;
        (stack.PostgresRelay.FaultRate, stack.S3Relay.FaultRate) = (databaseFaultRate, storeFaultRate);
        var deleted = new ConcurrentBag<(string Noun, Guid Id)>();
        var vanished = new ConcurrentBag<string>();
        var unfinished = new ConcurrentBag<string>();
        var next = -1;
        async Task CycleAsync()
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < Count)
            {
                var noun = i % 2 == 0 ? "snapshot" : "clip";
                var (created, _) = await UntilAnsweredAsync(() => noun == "snapshot" ? context.Load.SnapshotAsync(context.Phase, withImage: true) : context.Load.ClipAsync(context.Phase));
                if (created is not { Succeeded: true, Id: { } id }) { unfinished.Add($"{noun} not made: {created.Status} {created.Detail}"); continue; }
                if (noun == "clip") await Task.Delay(Random.Shared.Next(0, 3000));
                var (gone, tries) = await UntilAnsweredAsync(() => context.Load.DeleteAsync(context.Phase, noun, id));
                // A 404 after a try without an answer: that try deleted it, and its answer was lost.
                if (gone.Succeeded || gone.Status == 404 && tries > 1) deleted.Add((noun, id));
                else if (gone.Status == 404) vanished.Add($"{noun} {id}: made, then not found by its delete");
                else unfinished.Add($"{noun} {id} not deleted: {gone.Status} {gone.Detail}");
            }
        }
        try
        {
            await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => CycleAsync()));
        }
        finally
        {
            (stack.PostgresRelay.FaultRate, stack.S3Relay.FaultRate) = (0, 0);
        }
        var injected = (stack.PostgresRelay.Injected, stack.S3Relay.Injected);
        var end = DateTime.UtcNow;

        var leftRows = (await context.Inventory.ClipsAsync([.. deleted.Where(d => d.Noun == "clip").Select(d => d.Id)])).Count
            + (await context.Inventory.SnapshotsAsync([.. deleted.Where(d => d.Noun == "snapshot").Select(d => d.Id)])).Count;
        List<string> problems = [.. unfinished.Take(5)];
        if (leftRows > 0) problems.Add($"{leftRows} rows still there after their delete was answered");
        if (!unfinished.IsEmpty) problems.Insert(0, $"{unfinished.Count} cycles not finished after {MaxTries} tries each");
        if (injected.Item1 == 0 || injected.Item2 == 0) problems.Add("no fault was injected into the database or the store calls");
        return new FaultOutcome(end, [$"{deleted.Count} of {Count} cycles made and deleted; {injected.Item1} database and {injected.Item2} S3 connections reset mid-call"])
        {
            Completed = deleted.Count, Lost = [.. vanished], Problems = problems,
        };
    }

    /// <summary>Sends again while the answer is 503 or none (what a client does with a passing failure).</summary>
    private static async Task<(Attempt Last, int Tries)> UntilAnsweredAsync(Func<Task<Attempt>> send)
    {
        Attempt attempt = null!;
        for (var tries = 1; tries <= MaxTries; tries++)
        {
            attempt = await send();
            if (attempt.Status is not (503 or 0)) return (attempt, tries);
            await Task.Delay(200 * tries);
        }
        return (attempt, MaxTries);
    }
}
