using System.Threading.Channels;
using DogMonitor.Domain.Moments;

namespace DogMonitor.Web.Events;

/// <summary>
/// One open stream's place in the <see cref="EventHub"/>: the events of its owner (of one item, if it follows one) and of
/// the moments of the cameras granted to it, in a
/// bounded queue. A stream that falls <see cref="EventStreamOptions.ClientBuffer"/> events behind is cut off
/// (<see cref="Overflowed"/>) rather than holding up the others or growing without bound.
/// </summary>
public sealed class EventSubscription : IDisposable
{
    private readonly EventHub _hub;
    private readonly Channel<ApiEvent> _queue;

    internal EventSubscription(EventHub hub, string ownerId, Guid? itemId, IReadOnlySet<string> momentCameras, int capacity)
    {
        _hub = hub;
        OwnerId = ownerId;
        ItemId = itemId;
        MomentCameras = momentCameras;
        _queue = Channel.CreateBounded<ApiEvent>(new BoundedChannelOptions(capacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
    }

    public string OwnerId { get; }

    /// <summary>The one item followed, or null for all of the owner's.</summary>
    public Guid? ItemId { get; }

    /// <summary>The cameras whose moments' events the stream carries (those granted when it opened).</summary>
    public IReadOnlySet<string> MomentCameras { get; }

    /// <summary>The events to send, in order; complete once the subscription ends.</summary>
    public ChannelReader<ApiEvent> Events => _queue.Reader;

    /// <summary>The client fell too far behind and was cut off.</summary>
    public bool Overflowed { get; private set; }

    internal bool Wants(ApiEvent item) => ItemId is { } only
        ? item.OwnerId == OwnerId && item.ItemId == only
        : item.OwnerId == OwnerId || (item.OwnerId == MomentClips.Owner && item.CameraId is { } camera && MomentCameras.Contains(camera));

    /// <summary>Queues the event; false (and the queue closed) when the client is too far behind.</summary>
    internal bool TryDeliver(ApiEvent item)
    {
        if (_queue.Writer.TryWrite(item)) return true;
        Overflowed = true;
        _queue.Writer.TryComplete();
        return false;
    }

    public void Dispose()
    {
        _hub.Remove(this);
        _queue.Writer.TryComplete();
    }
}
