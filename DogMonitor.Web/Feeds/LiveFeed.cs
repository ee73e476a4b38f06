using System.Collections.Concurrent;

namespace DogMonitor.Web.Feeds;

/// <summary>
/// Events for the pages open in this web process: each circuit subscribes for as long as it shows what they are
/// about, and gets every event as it arrives from the bus (no polling from the browser).
/// </summary>
public abstract class LiveFeed<T>(ILogger logger)
{
    private readonly ConcurrentDictionary<Guid, Func<T, Task>> _subscribers = new();

    /// <summary>Calls <paramref name="handler"/> for every event until the returned subscription is disposed.</summary>
    public IDisposable Subscribe(Func<T, Task> handler)
    {
        var id = Guid.NewGuid();
        _subscribers[id] = handler;
        return new Subscription(() => _subscribers.TryRemove(id, out _));
    }

    /// <summary>Hands the event to every page at once: one slow page (its own database reads) holds up no other.</summary>
    public Task PublishAsync(T change) =>
        Task.WhenAll(_subscribers.Select(subscriber => DeliverAsync(subscriber.Key, subscriber.Value, change)));

    private async Task DeliverAsync(Guid id, Func<T, Task> handler, T change)
    {
        try
        {
            await handler(change);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // One page that went away (or failed to render) must not keep the news from the others.
            FeedLog.SubscriberFailed(logger, ex, typeof(T).Name, id);
        }
    }

    private sealed class Subscription(Action dispose) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0) dispose();
        }
    }
}
