using DogMonitor.Domain.Messages;
using DogMonitor.Web.Events;
using MassTransit;

namespace DogMonitor.Web.Snapshots;

/// <summary>Hands news of deleted snapshots to the API clients' streams open in this process.</summary>
public sealed class SnapshotDeletedConsumer(EventHub events, ApiEventEncoder encoder) : IConsumer<SnapshotDeleted>
{
    public Task Consume(ConsumeContext<SnapshotDeleted> context)
    {
        events.Publish(encoder.From(context.Message));
        return Task.CompletedTask;
    }
}
