using DogMonitor.Domain.Messages;
using MassTransit;

namespace DogMonitor.Worker.Clips;

/// <summary>
/// Cuts the clip a <see cref="CutClip"/> names. The cut stops when this process stops, not when the message's own token
/// is cancelled: MassTransit cancels that when the broker connection drops, and a clip nearly done would be given back
/// and cut a second time by another worker. The row is the truth: a redelivery of a clip that is already ready finds
/// nothing to claim.
/// </summary>
public sealed class CutClipConsumer(ClipProcessor processor, IHostApplicationLifetime lifetime) : IConsumer<CutClip>
{
    public Task Consume(ConsumeContext<CutClip> context) => processor.ProcessAsync(context.Message.ClipId, lifetime.ApplicationStopping);
}
