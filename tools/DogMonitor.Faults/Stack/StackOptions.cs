namespace DogMonitor.Faults.Stack;

/// <summary>How the production stack is configured for a fault run; the defaults are the app's own where they matter.</summary>
public sealed record StackOptions
{
    /// <summary>The synthetic camera: small, so that two cores can record, cut and serve at once.</summary>
    public string Camera { get; init; } = "synthetic:640x360@15";

    /// <summary>The buffer's own filesystem (a tmpfs the stack mounts), so the disk-full fault fills a real one.</summary>
    public int BufferDiskMegabytes { get; init; } = 96;

    /// <summary>Clips:Lease and Clips:Heartbeat (the app's defaults: 30 s and 2 s).</summary>
    public TimeSpan Lease { get; init; } = TimeSpan.FromSeconds(30);
    public TimeSpan Heartbeat { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Clips:QueuedRepublishAfter (the app's default: 1 minute).</summary>
    public TimeSpan QueuedRepublishAfter { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>MediaAudit:OrphanGrace: short, so that the sweep after each fault may remove what it finds (the app's default is an hour).</summary>
    public TimeSpan OrphanGrace { get; init; } = TimeSpan.FromSeconds(5);

    public int CuttingWorkers { get; init; } = 2;
}
