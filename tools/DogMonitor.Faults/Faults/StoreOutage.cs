namespace DogMonitor.Faults.Faults;

/// <summary>The S3 server killed (SIGKILL) for <see cref="Down"/> during snapshot posts and clip uploads, then started again.</summary>
public sealed class StoreOutage(TimeSpan down) : Fault
{
    public TimeSpan Down { get; } = down;
    public override string Name => $"S3 down {Down.TotalSeconds:0} s";

    public override async Task<FaultOutcome> InjectAsync(FaultContext context)
    {
        var stoppedAt = DateTime.UtcNow;
        await context.Stack.S3.StopAsync();
        context.Say("  S3 server killed");
        await Task.Delay(Down);
        await context.Stack.S3.ResumeAsync();
        context.Say("  S3 server started again");
        return new FaultOutcome(DateTime.UtcNow, [$"the S3 server was down {(DateTime.UtcNow - stoppedAt).TotalSeconds:0.0} s"]);
    }
}
