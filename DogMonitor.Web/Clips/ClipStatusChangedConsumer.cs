using DogMonitor.Domain.Messages;
using MassTransit;

namespace DogMonitor.Web.Clips;

/// <summary>Hands the workers' clip status events to the pages open in this process.</summary>
public sealed class ClipStatusChangedConsumer(ClipStatusFeed feed) : IConsumer<ClipStatusChanged>
{
    public Task Consume(ConsumeContext<ClipStatusChanged> context) => feed.PublishAsync(context.Message);
}
