namespace DogMonitor.Faults.Faults;

/// <summary>PostgreSQL stopped (fast shutdown: every connection closed) and started again after <see cref="Down"/>.</summary>
public sealed class DatabaseRestart(TimeSpan down) : Fault
{
    public TimeSpan Down { get; } = down;
    public override string Name => $"PostgreSQL restart ({Down.TotalSeconds:0} s down)";

    public override async Task<FaultOutcome> InjectAsync(FaultContext context)
    {
        var stoppedAt = DateTime.UtcNow;
        await context.Stack.Postgres.StopAsync();
        context.Say("  PostgreSQL stopped");
        await Task.Delay(Down);
        await context.Stack.Postgres.ResumeAsync();
        context.Say("  PostgreSQL started again");
        return new FaultOutcome(DateTime.UtcNow, [$"PostgreSQL was down {(DateTime.UtcNow - stoppedAt).TotalSeconds:0.0} s (pg_ctl stop -m fast, then start)"]);
    }
}
