using DogMonitor.Domain.Clips;
using MassTransit;
using Microsoft.Extensions.Options;

namespace DogMonitor.Worker.Clips;

/// <summary>
/// How many clips a worker cuts at once. No message retry: a failed attempt gives the row back to the queue and
/// the lease sweeper publishes it again later, so an outage does not burn through Clips:MaxAttempts in seconds.
/// </summary>
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
    }
}
