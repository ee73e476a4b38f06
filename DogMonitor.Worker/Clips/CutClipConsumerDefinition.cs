using DogMonitor.Domain.Clips;
using MassTransit;
using Microsoft.Extensions.Options;

namespace DogMonitor.Worker.Clips;

/// <summary>How many clips a worker cuts at once, and how a failed attempt is retried.</summary>
public sealed class CutClipConsumerDefinition : ConsumerDefinition<CutClipConsumer>
{
    private readonly ClipOptions _options;

    public CutClipConsumerDefinition(IOptions<ClipOptions> options)
    {
        _options = options.Value;
        ConcurrentMessageLimit = _options.Concurrency;
    }

    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator, IConsumerConfigurator<CutClipConsumer> consumerConfigurator, IRegistrationContext context)
    {
        endpointConfigurator.PrefetchCount = _options.Concurrency;
        // Each retry claims the row again; the row's attempt count bounds the total.
        endpointConfigurator.UseMessageRetry(retry => retry.Intervals(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(15)));
    }
}
