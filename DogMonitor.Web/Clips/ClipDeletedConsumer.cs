using DogMonitor.Domain.Messages;
using DogMonitor.Web.Events;
using MassTransit;

namespace DogMonitor.Web.Clips;

/// <summary>Hands news of deleted clips to the API clients' streams and the galleries open in this process.</summary>
public sealed class ClipDeletedConsumer(EventHub events, ApiEventEncoder encoder, ClipDeletedFeed pages) : IConsumer<ClipDeleted>
{
    public Task Consume(ConsumeContext<ClipDeleted> context)
    {
        events.Publish(encoder.From(context.Message));
        return pages.PublishAsync(context.Message);
    }
}
