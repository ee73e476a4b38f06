namespace DogMonitor.Tests.Web.Events;

/// <summary>A stream of events a test reads one at a time: Server-Sent Events or WebSocket messages alike.</summary>
public interface IEventSource
{
    /// <summary>The next event, or null once the server ended the stream.</summary>
    Task<ServerSentEvent?> NextAsync();
}
