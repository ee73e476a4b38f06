using DogMonitor.Faults.Stack;

namespace DogMonitor.Faults.Faults;

/// <summary>One of the stack's servers stopped for <see cref="Down"/> while the load goes on, then started again on its port.</summary>
public sealed class ServiceOutage(string name, Func<ProductionStack, Service> service, TimeSpan down, string how) : Fault
{
    public TimeSpan Down { get; } = down;
    public override string Name { get; } = name;

    /// <summary>The S3 server killed (SIGKILL) during snapshot posts and clip uploads.</summary>
    public static ServiceOutage Store(TimeSpan down) => new($"S3 down {down.TotalSeconds:0} s", stack => stack.S3, down, "SIGKILL");

    /// <summary>PostgreSQL stopped (fast shutdown: every connection closed), as a restart does.</summary>
    public static ServiceOutage Database(TimeSpan down) => new($"PostgreSQL restart ({down.TotalSeconds:0} s down)", stack => stack.Postgres, down, "pg_ctl stop -m fast");

    public override async Task<FaultOutcome> InjectAsync(FaultContext context)
    {
        var server = service(context.Stack);
        var stoppedAt = DateTime.UtcNow;
        await server.StopAsync();
        context.Say($"  {server.Name} stopped");
        await Task.Delay(Down);
        await server.ResumeAsync();
        var end = DateTime.UtcNow;
        context.Say($"  {server.Name} started again");
        return new FaultOutcome(end, [$"{server.Name} was down {(end - stoppedAt).TotalSeconds:0.0} s ({how}, then started again)"]) { ExpectsUnavailable = true };
    }
}
