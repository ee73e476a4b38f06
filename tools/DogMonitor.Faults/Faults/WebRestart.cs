namespace DogMonitor.Faults.Faults;

/// <summary>The web process killed (SIGKILL) with clips queued and processing, and started again.</summary>
public sealed class WebRestart(int clips) : Fault
{
    public override string Name => "web process SIGKILL + restart";

    public override async Task<FaultOutcome> InjectAsync(FaultContext context)
    {
        await Task.WhenAll(Enumerable.Range(0, clips).Select(_ => context.Load.ClipAsync(context.Phase)));
        var deadline = DateTime.UtcNow.AddSeconds(20);
        Dictionary<string, int> statuses;
        do statuses = await context.Inventory.ClipStatusesAsync();
        while ((statuses.GetValueOrDefault("processing") == 0 || statuses.GetValueOrDefault("queued") == 0) && DateTime.UtcNow < deadline && await Delay());
        var killedAt = DateTime.UtcNow;
        await context.Stack.Web.KillAsync();
        context.Say($"  web killed with {statuses.GetValueOrDefault("queued")} clips queued and {statuses.GetValueOrDefault("processing")} processing");
        await Task.Delay(TimeSpan.FromSeconds(2));
        await context.Stack.StartWebAsync();
        context.Say("  web started again");
        List<string> problems = [];
        if (statuses.GetValueOrDefault("queued") == 0 || statuses.GetValueOrDefault("processing") == 0)
            problems.Add("the web process was not killed with clips both queued and processing");
        return new FaultOutcome(DateTime.UtcNow,
            [$"killed with {statuses.GetValueOrDefault("queued")} clips queued and {statuses.GetValueOrDefault("processing")} processing; answering again {(DateTime.UtcNow - killedAt).TotalSeconds:0.0} s after the kill"])
        {
            UnansweredExpected = true, Problems = problems,
        };
    }

    private static async Task<bool> Delay()
    {
        await Task.Delay(100);
        return true;
    }
}
