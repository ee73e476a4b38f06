namespace DogMonitor.Faults.Faults;

/// <summary>RabbitMQ stopped for <see cref="Down"/> and started again, while a burst of clip requests arrives.</summary>
public sealed class BrokerOutage(TimeSpan down, int burst) : Fault
{
    public TimeSpan Down { get; } = down;
    public override string Name => $"RabbitMQ down {Down.TotalSeconds:0} s, burst of {burst}";

    public override async Task<FaultOutcome> InjectAsync(FaultContext context)
    {
        var stoppedAt = DateTime.UtcNow;
        await context.Stack.RabbitMq.StopAsync();
        context.Say($"  RabbitMQ stopped; {burst} clip requests");
        var spread = TimeSpan.FromTicks(Math.Min(Down.Ticks / 2, TimeSpan.FromSeconds(10).Ticks) / Math.Max(1, burst));
        var requests = new List<Task>();
        for (var i = 0; i < burst; i++)
        {
            requests.Add(context.Load.ClipAsync(context.Phase));
            await Task.Delay(spread);
        }
        // Back after the time however long the requests take: they are counted once answered.
        var left = stoppedAt + Down - DateTime.UtcNow;
        if (left > TimeSpan.Zero) await Task.Delay(left);
        await context.Stack.RabbitMq.ResumeAsync();
        var end = DateTime.UtcNow;
        context.Say("  RabbitMQ started again");
        await Task.WhenAll(requests);
        return new FaultOutcome(end, [$"RabbitMQ stopped (rabbitmqctl stop) for {(end - stoppedAt).TotalSeconds:0.0} s, start included; {burst} clip requests in its first half"]);
    }
}
