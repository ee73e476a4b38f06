using DogMonitor.Domain.Messages;
using DogMonitor.Web.Events;
using MassTransit;

namespace DogMonitor.Web.Clips;

/// <summary>Hands news of deleted clips to the API clients' streams open in this process (pages drop a clip when they delete it).</summary>
public sealed class ClipDeletedConsumer(EventHub events, ApiEventEncoder encoder) : IConsumer<ClipDeleted>
{
    public Task Consume(ConsumeContext<ClipDeleted> context)
    {
        events.Publish(encoder.From(context.Message));
        return Task.CompletedTask;
    }
}
