using DogMonitor.Domain.Messages;
using MassTransit;

namespace DogMonitor.Worker.Clips;

public sealed class CutClipConsumer(ClipProcessor processor) : IConsumer<CutClip>
{
    public Task Consume(ConsumeContext<CutClip> context) => processor.ProcessAsync(context.Message.ClipId, context.CancellationToken);
}
