using DogMonitor.Domain.Messages;
using DogMonitor.Web.Events;
using MassTransit;

namespace DogMonitor.Web.Clips;

/// <summary>Hands the workers' clip status events to the pages and the API clients' streams open in this process.</summary>
public sealed class ClipStatusChangedConsumer(ClipStatusFeed feed, EventHub events, ApiEventEncoder encoder) : IConsumer<ClipStatusChanged>
{
    public Task Consume(ConsumeContext<ClipStatusChanged> context)
    {
        events.Publish(encoder.From(context.Message));
        return feed.PublishAsync(context.Message);
    }
}
