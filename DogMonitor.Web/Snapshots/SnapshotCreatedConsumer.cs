using DogMonitor.Domain.Messages;
using MassTransit;

namespace DogMonitor.Web.Snapshots;

/// <summary>Hands news of stored snapshots to the pages open in this process.</summary>
public sealed class SnapshotCreatedConsumer(SnapshotFeed feed) : IConsumer<SnapshotCreated>
{
    public Task Consume(ConsumeContext<SnapshotCreated> context) => feed.PublishAsync(context.Message);
}
