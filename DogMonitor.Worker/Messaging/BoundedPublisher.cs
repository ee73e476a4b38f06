using MassTransit;
using Microsoft.Extensions.Options;

namespace DogMonitor.Worker.Messaging;

/// <summary>
/// Publishes, giving up after <see cref="MessagingOptions.PublishTimeout"/> with a <see cref="TimeoutException"/>: while
/// the broker is away MassTransit would wait for it, and the request, the sweep or the cut with it.
/// </summary>
public sealed class BoundedPublisher(IPublishEndpoint publisher, IOptions<MessagingOptions> options)
{
    public async Task PublishAsync<T>(T message, CancellationToken cancellationToken) where T : class
    {
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bounded.CancelAfter(options.Value.PublishTimeout);
        try
        {
            await publisher.Publish(message, bounded.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"The message broker did not take {typeof(T).Name} within {options.Value.PublishTimeout.TotalSeconds:0.#} s; is it running?");
        }
    }
}
