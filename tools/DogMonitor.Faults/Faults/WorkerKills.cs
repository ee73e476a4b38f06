using DogMonitor.Faults.Stack;

namespace DogMonitor.Faults.Faults;

/// <summary>
/// A cutting worker killed with SIGKILL (with its ffmpeg) at a random moment of a cut, and started again at once as a
/// container's restart policy would; <see cref="Count"/> times, each on a clip not killed before.
/// </summary>
public sealed class WorkerKills(int count) : Fault
{
    public int Count { get; } = count;
    public override string Name => $"worker SIGKILL mid-cut ×{Count}";

    public override async Task<FaultOutcome> InjectAsync(FaultContext context)
    {
        var killed = new HashSet<Guid>();
        var restarting = new Dictionary<HostProcess, Task>();
        var waitingSince = DateTime.UtcNow;
        var notes = new List<string>();
        while (killed.Count < Count)
        {
            var cutting = context.Stack.Cutters.Where(worker => !restarting.TryGetValue(worker, out var restart) || restart.IsCompleted)
                .Select(worker => (Worker: worker, Clip: worker.ClipBeingCut()))
                .Where(w => w.Clip is { } clip && !killed.Contains(clip)).OrderBy(_ => Random.Shared.Next()).FirstOrDefault();
            if (cutting.Worker is null)
            {
                if (DateTime.UtcNow - waitingSince > TimeSpan.FromSeconds(90))
                {
                    notes.Add($"only {killed.Count} kills: no worker was cutting a new clip for 90 s");
                    break;
                }
                await Task.Delay(20);
                continue;
            }
            // A random moment of the cut: ffmpeg is running for that clip before and after the pause.
            await Task.Delay(Random.Shared.Next(0, 400));
            if (cutting.Worker.ClipBeingCut() != cutting.Clip) continue;
            await cutting.Worker.KillAsync();
            killed.Add(cutting.Clip!.Value);
            context.Say($"  killed {cutting.Worker.Name} cutting clip {cutting.Clip:N} ({killed.Count}/{Count})");
            // Started again at once, as a restart policy does; meanwhile the other worker may be the next one killed.
            restarting[cutting.Worker] = cutting.Worker.StartAsync();
            waitingSince = DateTime.UtcNow;
        }
        await Task.WhenAll(restarting.Values);
        notes.Insert(0, $"{killed.Count} workers killed while ffmpeg was cutting a clip (a different clip each time), each started again at once");
        return new FaultOutcome(DateTime.UtcNow, notes) { Problems = killed.Count < Count ? [$"only {killed.Count} of {Count} kills"] : [] };
    }
}
