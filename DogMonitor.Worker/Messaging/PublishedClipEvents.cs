using DogMonitor.Domain.Clips;
using DogMonitor.Domain.Messages;

namespace DogMonitor.Worker.Messaging;

/// <summary>
/// Publishes clips' news on the bus: <see cref="ClipStatusChanged"/> and <see cref="ClipDeleted"/> reach every web
/// process's open pages and API clients, and <see cref="CutClip"/> a worker.
/// </summary>
public sealed class PublishedClipEvents(BoundedPublisher publisher) : IClipEvents
{
    public Task StatusChangedAsync(ClipStatusChanged change, CancellationToken cancellationToken) => publisher.PublishAsync(change, cancellationToken);

    public Task DeletedAsync(ClipDeleted deleted, CancellationToken cancellationToken) => publisher.PublishAsync(deleted, cancellationToken);

    public Task CutRequestedAsync(Guid clipId, CancellationToken cancellationToken) => publisher.PublishAsync(new CutClip(clipId), cancellationToken);
}
