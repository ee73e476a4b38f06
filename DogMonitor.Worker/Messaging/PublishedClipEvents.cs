using DogMonitor.Domain.Clips;
using DogMonitor.Domain.Messages;

namespace DogMonitor.Worker.Messaging;

/// <summary>
/// Publishes clips' news on the bus: <see cref="ClipStatusChanged"/> reaches every web process's open pages, and
/// <see cref="CutClip"/> a worker.
/// </summary>
public sealed class PublishedClipEvents(BoundedPublisher publisher) : IClipEvents
{
    public Task StatusChangedAsync(ClipStatusChanged change, CancellationToken cancellationToken) => publisher.PublishAsync(change, cancellationToken);

    public Task CutRequestedAsync(Guid clipId, CancellationToken cancellationToken) => publisher.PublishAsync(new CutClip(clipId), cancellationToken);
}
