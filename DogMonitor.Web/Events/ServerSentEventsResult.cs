using System.Reflection;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Options;

namespace DogMonitor.Web.Events;

/// <summary>
/// Sends a subscription's events as <c>text/event-stream</c> until the client goes, with a <c>: keep-alive</c> comment
/// whenever it has been quiet for <see cref="EventStreamOptions.Heartbeat"/>. A stream that follows one item starts
/// with <paramref name="current"/> (its state now) and ends with the item's last event.
/// </summary>
public sealed class ServerSentEventsResult(EventSubscription subscription, ApiEvent? current = null) : IResult, IEndpointMetadataProvider
{
    public const string ContentType = "text/event-stream";
    private static readonly byte[] Opening = "retry: 3000\n\n"u8.ToArray();
    private static readonly byte[] KeepAlive = ": keep-alive\n\n"u8.ToArray();

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        using var _ = subscription;
        var heartbeat = httpContext.RequestServices.GetRequiredService<IOptions<EventStreamOptions>>().Value.Heartbeat;
        var response = httpContext.Response;
        response.ContentType = ContentType;
        response.Headers.CacheControl = "no-cache, no-store";
        response.Headers["X-Accel-Buffering"] = "no"; // nginx would hold the events back to fill its buffer
        httpContext.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        var aborted = httpContext.RequestServices.GetRequiredService<StreamAccess>().Watch(httpContext);
        try
        {
            await response.Body.WriteAsync(Opening, aborted);
            if (current is not null)
            {
                await response.Body.WriteAsync(current.ServerSent, aborted);
                if (current.Final) return;
            }
            await response.Body.FlushAsync(aborted);
            await PumpAsync(response.Body, heartbeat, aborted);
        }
        catch (OperationCanceledException) when (aborted.IsCancellationRequested)
        {
            // The client went away, or may no longer listen.
        }
    }

    private async Task PumpAsync(Stream body, TimeSpan heartbeat, CancellationToken aborted)
    {
        var events = subscription.Events;
        while (true)
        {
            using (var quiet = CancellationTokenSource.CreateLinkedTokenSource(aborted))
            {
                quiet.CancelAfter(heartbeat);
                try
                {
                    // Completed: this client fell too far behind (it reconnects with Last-Event-ID), or the app is stopping.
                    if (!await events.WaitToReadAsync(quiet.Token)) return;
                }
                catch (OperationCanceledException) when (!aborted.IsCancellationRequested)
                {
                    await body.WriteAsync(KeepAlive, aborted);
                    await body.FlushAsync(aborted);
                    continue;
                }
            }
            while (events.TryRead(out var item))
            {
                // Heard before the row was read, and no newer than what the first event said (the row and the news of a
                // change carry the same time): old news. An end (ready, failed, deleted) always goes out: it may come
                // from another process whose clock is behind the row's.
                if (current is not null && item.At <= current.At && !item.Final) continue;
                await body.WriteAsync(item.ServerSent, aborted);
                if (subscription.ItemId is not null && item.Final) return;
            }
            await body.FlushAsync(aborted);
        }
    }

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(string), [ContentType]));
}
