using DogMonitor.Domain.Messages;
using DogMonitor.Web.Events;
using MassTransit;

namespace DogMonitor.Web.Snapshots;

/// <summary>Hands news of stored snapshots to the pages and the API clients' streams open in this process.</summary>
public sealed class SnapshotCreatedConsumer(SnapshotFeed feed, EventHub events, ApiEventEncoder encoder) : IConsumer<SnapshotCreated>
{
    public Task Consume(ConsumeContext<SnapshotCreated> context)
    {
        events.Publish(encoder.From(context.Message));
        return feed.PublishAsync(context.Message);
    }
}
