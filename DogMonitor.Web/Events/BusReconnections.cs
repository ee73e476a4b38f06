using MassTransit;

namespace DogMonitor.Web.Events;

/// <summary>
/// Tells the <see cref="EventHub"/> each time one of this process's receive endpoints is ready, the first time and after
/// the broker connection came back: its temporary queues are new then, and events published in between are not in the
/// replay, so a client resuming from before then is told to reload.
/// </summary>
public sealed class BusReconnections(EventHub hub) : IReceiveEndpointObserver
{
    public Task Ready(ReceiveEndpointReady ready)
    {
        hub.ListeningAgain();
        return Task.CompletedTask;
    }

    public Task Stopping(ReceiveEndpointStopping stopping) => Task.CompletedTask;

    public Task Completed(ReceiveEndpointCompleted completed) => Task.CompletedTask;

    public Task Faulted(ReceiveEndpointFaulted faulted) => Task.CompletedTask;
}
