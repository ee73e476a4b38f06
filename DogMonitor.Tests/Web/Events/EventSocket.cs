using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;

namespace DogMonitor.Tests.Web.Events;

/// <summary>A client of <c>/api/events/ws</c>: reads its JSON messages ({id, type, data}), each within a deadline.</summary>
public sealed class EventSocket(WebSocket socket) : IEventSource, IAsyncDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly List<string> _seen = [];

    public WebSocket Socket => socket;

    /// <summary>Connects to a real socket (an app listening with Kestrel) as the holder of <paramref name="key"/>.</summary>
    public static async Task<EventSocket> ConnectAsync(string baseUrl, string key, string? lastEventId = null)
    {
        var client = new ClientWebSocket();
        client.Options.SetRequestHeader("X-Api-Key", key);
        var url = baseUrl.Replace("http", "ws", StringComparison.Ordinal) + "/api/events/ws" + (lastEventId is null ? "" : $"?last_event_id={lastEventId}");
        await client.ConnectAsync(new Uri(url), CancellationToken.None);
        return new EventSocket(client);
    }

    public async Task<ServerSentEvent?> NextAsync()
    {
        using var deadline = new CancellationTokenSource(Patience);
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        WebSocketReceiveResult received;
        do
        {
            try { received = await socket.ReceiveAsync(buffer, deadline.Token); }
            catch (OperationCanceledException) { throw new TimeoutException($"No message within {Patience.TotalSeconds} s; the socket sent:\n{string.Join('\n', _seen)}"); }
            if (received.MessageType == WebSocketMessageType.Close) return null;
            message.Write(buffer, 0, received.Count);
        } while (!received.EndOfMessage);
        var text = Encoding.UTF8.GetString(message.ToArray());
        _seen.Add(text);
        var json = JsonNode.Parse(text)!.AsObject();
        return new ServerSentEvent((string?)json["id"], (string)json["type"]!, json["data"]!.AsObject());
    }

    public async ValueTask DisposeAsync()
    {
        if (socket.State == WebSocketState.Open)
        {
            try { await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None); }
            catch (WebSocketException) { }
        }
        socket.Dispose();
    }
}
