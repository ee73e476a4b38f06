using System.Text.Json.Nodes;

namespace DogMonitor.Tests.Web.Events;

/// <summary>One event as a client reads it from a stream (an SSE block or a WebSocket message).</summary>
public sealed record ServerSentEvent(string? Id, string Type, JsonObject Data)
{
    public string? ItemId => (string?)Data["id"];

    public override string ToString() => $"{Type} {Data.ToJsonString()} (id {Id ?? "none"})";
}
