using System.Net.WebSockets;

namespace DogMonitor.Web.Events;

/// <summary>Sends a subscription's events over a WebSocket, one JSON text message each, until either side closes.</summary>
internal static class WebSocketEvents
{
    /// <summary>How long a client has to answer the server's close before the socket is dropped.</summary>
    private static readonly TimeSpan CloseGrace = TimeSpan.FromSeconds(5);

    /// <param name="aborted">Ends when the client goes or may no longer listen (<see cref="StreamAccess"/>).</param>
    public static async Task PumpAsync(WebSocket socket, EventSubscription subscription, CancellationToken aborted)
    {
        using var closed = CancellationTokenSource.CreateLinkedTokenSource(aborted);
        var receiving = ReceiveUntilClosedAsync(socket, closed);
        try
        {
            // Only the wait is cancelled when the client closes: cancelling a send would abort the socket mid-message.
            await foreach (var item in subscription.Events.ReadAllAsync(closed.Token))
                await socket.SendAsync(item.WebSocket, WebSocketMessageType.Text, endOfMessage: true, aborted);
            await socket.CloseOutputAsync(subscription.Overflowed ? WebSocketCloseStatus.PolicyViolation : WebSocketCloseStatus.EndpointUnavailable,
                subscription.Overflowed ? "Fell too far behind; reconnect with last_event_id to resume." : "The server is stopping.", aborted);
        }
        catch (OperationCanceledException) when (closed.IsCancellationRequested)
        {
            // The client closed (answered below) or the request was aborted.
        }
        catch (WebSocketException)
        {
            // The client vanished without closing.
        }
        // The client closed (answer it), or its key or session is no longer valid (say so).
        if (socket.State is WebSocketState.CloseReceived or WebSocketState.Open)
        {
            var (status, reason) = socket.State == WebSocketState.Open
                ? (WebSocketCloseStatus.PolicyViolation, "Your key or session is no longer valid.") : (WebSocketCloseStatus.NormalClosure, null);
            try { await socket.CloseOutputAsync(status, reason, CancellationToken.None); }
            catch (WebSocketException) { }
        }
        // A client too slow to read its events may be too slow to answer the close as well.
        closed.CancelAfter(CloseGrace);
        await receiving;
    }

    /// <summary>Reads (and ignores) what the client sends, to notice its close; then stops the sending.</summary>
    private static async Task ReceiveUntilClosedAsync(WebSocket socket, CancellationTokenSource closed)
    {
        var buffer = new byte[256];
        try
        {
            while (true)
            {
                var received = await socket.ReceiveAsync(buffer, closed.Token);
                if (received.MessageType == WebSocketMessageType.Close) break;
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
        {
            // Closed or gone either way.
        }
        await closed.CancelAsync();
    }
}
