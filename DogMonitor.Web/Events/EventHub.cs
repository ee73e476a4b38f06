using Microsoft.Extensions.Options;

namespace DogMonitor.Web.Events;

/// <summary>
/// The events of this web process's API clients: every event from the bus goes to the open streams of its owner and into
/// the replay kept for reconnecting clients. One lock orders both, so a client resuming misses no event between the
/// replay and the live ones (it may get one it saw on another replica again: <see cref="EventReplay"/>). Handing out never waits on a client: each has its own bounded queue.
/// </summary>
public sealed partial class EventHub(IOptions<EventStreamOptions> options, ApiEventEncoder encoder, TimeProvider clock, ILogger<EventHub> logger)
{
    private static readonly IReadOnlySet<string> NoCameras = new HashSet<string>();
    private readonly Lock _gate = new();
    private readonly List<EventSubscription> _subscribers = [];
    private readonly EventReplay _replay = new(options.Value, clock.GetUtcNow().UtcDateTime);

    /// <summary>Open streams in this process.</summary>
    public int Subscribers
    {
        get { lock (_gate) return _subscribers.Count; }
    }

    public void Publish(ApiEvent item)
    {
        lock (_gate)
        {
            if (!_replay.Add(item, clock.GetUtcNow().UtcDateTime)) return;
            for (var i = _subscribers.Count - 1; i >= 0; i--)
            {
                var subscriber = _subscribers[i];
                if (!subscriber.Wants(item) || subscriber.TryDeliver(item)) continue;
                _subscribers.RemoveAt(i);
                LogOverflow(logger, subscriber.OwnerId, options.Value.ClientBuffer);
            }
        }
    }

    /// <summary>
    /// Opens a stream of <paramref name="ownerId"/>'s events (of one item only, with <paramref name="itemId"/>), and of the
    /// moments of <paramref name="momentCameras"/>. With
    /// <paramref name="lastEventId"/> it starts with what the client missed since, or with a <c>reload</c> when that is
    /// no longer held (or would not fit its queue).
    /// </summary>
    public EventSubscription Subscribe(string ownerId, Guid? itemId = null, string? lastEventId = null, IReadOnlySet<string>? momentCameras = null)
    {
        lock (_gate)
        {
            var subscription = new EventSubscription(this, ownerId, itemId, momentCameras ?? NoCameras, options.Value.ClientBuffer);
            if (!string.IsNullOrEmpty(lastEventId))
            {
                var now = clock.GetUtcNow().UtcDateTime;
                var resumed = _replay.TryGetAfter(lastEventId, now, out var missed)
                    && missed.Where(subscription.Wants).All(subscription.TryDeliver);
                if (!resumed)
                {
                    subscription = new EventSubscription(this, ownerId, itemId, momentCameras ?? NoCameras, options.Value.ClientBuffer);
                    subscription.TryDeliver(encoder.Reload(ownerId, _replay.NewestId, now));
                }
            }
            _subscribers.Add(subscription);
            return subscription;
        }
    }

    /// <summary>This process's connection to the bus is back: what was published meanwhile never reached it.</summary>
    public void ListeningAgain()
    {
        lock (_gate) _replay.ListeningAgain(clock.GetUtcNow().UtcDateTime);
    }

    internal void Remove(EventSubscription subscription)
    {
        lock (_gate) _subscribers.Remove(subscription);
    }

    [LoggerMessage(LogLevel.Warning, "An event stream of {OwnerId} fell {Events} events behind and was cut off; the client may reconnect and resume")]
    private static partial void LogOverflow(ILogger logger, string ownerId, int events);
}
