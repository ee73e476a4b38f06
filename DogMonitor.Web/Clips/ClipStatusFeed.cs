using System.Collections.Concurrent;
using DogMonitor.Domain.Messages;

namespace DogMonitor.Web.Clips;

/// <summary>
/// Clip status events for the pages open in this web process: each circuit subscribes for as long as it shows
/// clips, and gets every event as the workers publish it (no polling from the browser).
/// </summary>
public sealed partial class ClipStatusFeed(ILogger<ClipStatusFeed> logger)
{
    private readonly ConcurrentDictionary<Guid, Func<ClipStatusChanged, Task>> _subscribers = new();

    /// <summary>Calls <paramref name="handler"/> for every event until the returned subscription is disposed.</summary>
    public IDisposable Subscribe(Func<ClipStatusChanged, Task> handler)
    {
        var id = Guid.NewGuid();
        _subscribers[id] = handler;
        return new Subscription(() => _subscribers.TryRemove(id, out _));
    }

    /// <summary>Hands the event to every page at once: one slow page (its own database reads) holds up no other.</summary>
    public Task PublishAsync(ClipStatusChanged change) =>
        Task.WhenAll(_subscribers.Select(subscriber => DeliverAsync(subscriber.Key, subscriber.Value, change)));

    private async Task DeliverAsync(Guid id, Func<ClipStatusChanged, Task> handler, ClipStatusChanged change)
    {
        try
        {
            await handler(change);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // One page that went away (or failed to render) must not keep the news from the others.
            LogSubscriberFailed(logger, ex, id);
        }
    }

    [LoggerMessage(LogLevel.Warning, "A clip status subscriber {SubscriberId} failed")]
    private static partial void LogSubscriberFailed(ILogger logger, Exception exception, Guid subscriberId);

    private sealed class Subscription(Action dispose) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0) dispose();
        }
    }
}
