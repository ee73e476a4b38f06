using System.ComponentModel.DataAnnotations;

namespace DogMonitor.Web.Events;

/// <summary>How the live event streams for API clients behave (section <c>Events</c>).</summary>
public sealed class EventStreamOptions
{
    public const string SectionName = "Events";

    /// <summary>How often an idle stream sends a comment (a WebSocket a ping), so proxies do not close it as dead.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:05:00")]
    public TimeSpan Heartbeat { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How far back a client reconnecting with <c>Last-Event-ID</c> is given what it missed; older ids get <c>reload</c>.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan ReplayWindow { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How far before a resuming client's last event the replay reaches as well: web replicas may get events in a
    /// different order (an event's time is set when it is made, and its publishing may wait up to
    /// <c>Messaging:PublishTimeout</c>), and hosts' clocks may differ by a little. Events in this overlap may reach the
    /// client twice.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan ReplayOverlap { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The most events this process keeps for replay, whatever their age, so a burst cannot grow memory without bound.</summary>
    [Range(1, 1_000_000)]
    public int ReplayCapacity { get; set; } = 10_000;

    /// <summary>
    /// Events one connection may have waiting to be sent. A client that falls this far behind is dropped (it reconnects
    /// and resumes), so one slow reader holds up nobody and costs bounded memory.
    /// </summary>
    [Range(1, 100_000)]
    public int ClientBuffer { get; set; } = 1_000;
}
