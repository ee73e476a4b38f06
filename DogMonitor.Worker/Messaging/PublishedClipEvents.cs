using DogMonitor.Domain.Clips;
using DogMonitor.Domain.Messages;
using MassTransit;

namespace DogMonitor.Worker.Messaging;

/// <summary>
/// Publishes clips' news on the bus: <see cref="ClipStatusChanged"/> reaches every web process's open pages, and
/// <see cref="CutClip"/> a worker.
/// </summary>
public sealed class PublishedClipEvents(IPublishEndpoint publisher) : IClipEvents
{
    public Task StatusChangedAsync(ClipStatusChanged change, CancellationToken cancellationToken) => publisher.Publish(change, cancellationToken);

    public Task CutRequestedAsync(Guid clipId, CancellationToken cancellationToken) => publisher.Publish(new CutClip(clipId), cancellationToken);
}
