using DogMonitor.Domain.Cameras;
using DogMonitor.Domain.Clips;
using DogMonitor.Domain.Owners;
using DogMonitor.Web.Accounts;
using DogMonitor.Web.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace DogMonitor.Web.Events;

/// <summary>Live events of the caller's own clips and snapshots, for scripts and other clients that would otherwise poll.</summary>
public static class EventsApi
{
    public static IEndpointRouteBuilder MapEventsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Events");
        api.MapGet("/events", StreamEvents)
            .WithSummary("Your clips' and snapshots' events as Server-Sent Events: clip.created, clip.status, clip.deleted, snapshot.created, snapshot.deleted; and moment.created, moment.status, moment.deleted for your cameras");
        api.MapGet("/events/ws", StreamEventsOverWebSocket)
            .WithSummary("The same events over a WebSocket, one JSON message {id, type, data} each")
            .ProducesProblem(StatusCodes.Status426UpgradeRequired);
        // Over HTTP/2 (RFC 8441) a browser opens a WebSocket with CONNECT rather than GET; OpenAPI has no word for it.
        api.MapMethods("/events/ws", [HttpMethods.Connect], StreamEventsOverWebSocket)
            .WithMetadata(new ReadOnlyKeyRequirement.ListenOnly()).ExcludeFromDescription();
        api.MapGet("/clips/{id}/events", StreamClipEvents)
            .WithSummary("One clip's status as Server-Sent Events: its state now, then each change until it is ready, failed or deleted");
        return app;
    }

    /// <param name="lastEventId">The id of the last event seen, to be sent what was missed since; a reconnecting EventSource sends it as the Last-Event-ID header.</param>
    internal static ServerSentEventsResult StreamEvents(
        HttpRequest request, EventHub hub, ICurrentUser user, VisibleCameras cameras, [FromQuery(Name = "last_event_id")] string? lastEventId) =>
        new(hub.Subscribe(user.OwnerId, lastEventId: LastEventId(request, lastEventId), momentCameras: MomentCameras(cameras)));

    /// <param name="lastEventId">The id of the last event seen, to be sent what was missed since.</param>
    internal static async Task<Results<EmptyHttpResult, ProblemHttpResult>> StreamEventsOverWebSocket(
        HttpContext context, EventHub hub, ICurrentUser user, VisibleCameras cameras, StreamAccess access, IOptions<EventStreamOptions> options,
        [FromQuery(Name = "last_event_id")] string? lastEventId)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.Headers.Upgrade = "websocket";
            return TypedResults.Problem("Connect to this address with a WebSocket (ws:// or wss://), or read GET /api/events as Server-Sent Events.",
                statusCode: StatusCodes.Status426UpgradeRequired, title: "A WebSocket is needed here.");
        }
        if (FromAnotherSite(context.Request))
            return TypedResults.Problem("A page of another site may not open your events with your session; scripts send an API key.",
                statusCode: StatusCodes.Status403Forbidden, title: "Not allowed.");
        using var subscription = hub.Subscribe(user.OwnerId, lastEventId: LastEventId(context.Request, lastEventId), momentCameras: MomentCameras(cameras));
        using var socket = await context.WebSockets.AcceptWebSocketAsync(new WebSocketAcceptContext
        {
            KeepAliveInterval = options.Value.Heartbeat,
            // A client that answers no ping (one that reads nothing, so a send blocks) is dropped instead of held forever.
            KeepAliveTimeout = options.Value.Heartbeat * 2,
        });
        await WebSocketEvents.PumpAsync(socket, subscription, access.Watch(context));
        return TypedResults.Empty;
    }

    internal static async Task<Results<ServerSentEventsResult, ProblemHttpResult>> StreamClipEvents(
        string id, EventHub hub, ICurrentUser user, ClipService clips, ApiEventEncoder encoder, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(id, out var clipId)) return IdProblems.Malformed("clip", id);
        // Listening before the row is read: a change in between waits in the queue rather than being lost.
        var subscription = hub.Subscribe(user.OwnerId, clipId);
        try
        {
            var clip = await clips.FindAsync(clipId, cancellationToken);
            if (clip is not null) return new ServerSentEventsResult(subscription, encoder.Current(clip));
        }
        catch
        {
            subscription.Dispose();
            throw;
        }
        subscription.Dispose();
        return IdProblems.NotFound("clip", clipId);
    }

    // The moments of the cameras granted now; a grant changed later shows on the next connection.
    private static HashSet<string> MomentCameras(VisibleCameras cameras) => [.. cameras.Cameras.Select(c => c.Id)];

    private static string? LastEventId(HttpRequest request, string? fromQuery) =>
        fromQuery ?? (request.Headers["Last-Event-ID"] is [{ Length: > 0 } header] ? header.Trim() : null);

    /// <summary>
    /// A browser sends the session cookie with a WebSocket opened by any page of the same site (another port, a
    /// neighbouring host name); only this app's own pages may use it. Keys are not sent by browsers on their own.
    /// </summary>
    private static bool FromAnotherSite(HttpRequest request) =>
        !ApiKeyAuthenticationHandler.IsKey(request.HttpContext.User)
        && request.Headers.Origin is [{ } origin]
        && !(Uri.TryCreate(origin, UriKind.Absolute, out var uri) && string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase));
}
