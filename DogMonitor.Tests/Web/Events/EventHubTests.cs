using DogMonitor.Domain.Clips;
using DogMonitor.Domain.Messages;
using DogMonitor.Tests.Infrastructure;
using DogMonitor.Web.Events;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace DogMonitor.Tests.Web.Events;

/// <summary>The hub of one web process: slow clients, messages delivered twice, resuming only one's own events, and resuming on another replica.</summary>
public sealed class EventHubTests
{
    private static readonly ApiEventEncoder Encoder = new(Options.Create(new JsonOptions()));

    /// <summary>A hub that has been listening for a minute (unless <paramref name="clock"/> says otherwise), so that every event of the test is within what it heard.</summary>
    private static EventHub Hub(int clientBuffer = 100, int replayCapacity = 100, TimeProvider? clock = null) =>
        new(Options.Create(new EventStreamOptions { ClientBuffer = clientBuffer, ReplayCapacity = replayCapacity, ReplayOverlap = TimeSpan.FromSeconds(2) }), Encoder,
            clock ?? new ManualClock(DateTimeOffset.UtcNow.AddMinutes(-1)), NullLogger<EventHub>.Instance);

    private static List<ApiEvent> ReadAll(EventSubscription subscription)
    {
        List<ApiEvent> read = [];
        while (subscription.Events.TryRead(out var item)) read.Add(item);
        return read;
    }

    private static ApiEvent Progress(string owner, int progress) =>
        Encoder.From(new ClipStatusChanged(Guid.NewGuid(), owner, ClipStatus.Processing, progress, null, DateTime.UtcNow));

    [Fact]
    public void AClientThatFallsBehindIsCutOff_AndHoldsUpNoOther()
    {
        var hub = Hub(clientBuffer: 2);
        using var slow = hub.Subscribe("owner");
        using var quick = hub.Subscribe("owner");

        for (var i = 1; i <= 3; i++)
        {
            hub.Publish(Progress("owner", i));
            Assert.True(quick.Events.TryRead(out var item));
            Assert.Equal($"\"progress\":{i}", System.Text.Encoding.UTF8.GetString(item.WebSocket).Split(',').Single(f => f.Contains("progress", StringComparison.Ordinal)));
        }

        Assert.True(slow.Overflowed);
        Assert.False(quick.Overflowed);
        Assert.Equal(1, hub.Subscribers);
        // What was queued before the cut is still read, then the stream ends (and the client reconnects to resume).
        Assert.True(slow.Events.TryRead(out _));
        Assert.True(slow.Events.TryRead(out _));
        Assert.False(slow.Events.TryRead(out _));
        Assert.True(slow.Events.Completion.IsCompleted);
    }

    [Fact]
    public void AMessageDeliveredTwiceGoesOutOnce()
    {
        var hub = Hub();
        using var subscription = hub.Subscribe("owner");
        var change = new ClipStatusChanged(Guid.NewGuid(), "owner", ClipStatus.Ready, 100, null, DateTime.UtcNow);

        hub.Publish(Encoder.From(change));
        hub.Publish(Encoder.From(change)); // the bus redelivered it: same event id

        Assert.True(subscription.Events.TryRead(out _));
        Assert.False(subscription.Events.TryRead(out _));
    }

    [Fact]
    public void ResumingGivesOnlyOnesOwnMissedEvents_AndAFullQueueMeansReload()
    {
        var hub = Hub(clientBuffer: 2);
        var seen = Progress("owner", 1);
        hub.Publish(seen);
        hub.Publish(Progress("someone else", 2));
        var mine = Progress("owner", 3);
        hub.Publish(mine);

        using var resumed = hub.Subscribe("owner", lastEventId: seen.Id);
        Assert.True(resumed.Events.TryRead(out var first));
        Assert.Same(mine, first);
        Assert.False(resumed.Events.TryRead(out _));

        hub.Publish(Progress("owner", 4));
        hub.Publish(Progress("owner", 5));
        using var tooMany = hub.Subscribe("owner", lastEventId: seen.Id); // three missed, room for two
        Assert.True(tooMany.Events.TryRead(out var reload));
        Assert.Equal(ApiEventTypes.Reload, reload.Type);
        Assert.False(tooMany.Events.TryRead(out _));
    }

    [Fact]
    public void TheReplayKeepsOnlyTheNewestEvents()
    {
        var hub = Hub(replayCapacity: 2);
        var events = Enumerable.Range(1, 3).Select(i => Progress("owner", i)).ToList();
        events.ForEach(hub.Publish);

        using var tooOld = hub.Subscribe("owner", lastEventId: events[0].Id);
        Assert.True(tooOld.Events.TryRead(out var reload));
        Assert.Equal((ApiEventTypes.Reload, events[2].Id), (reload.Type, reload.Id));
    }

    [Fact]
    public void AClientComingBackToAnotherReplicaMissesNoEventThatReplicaGotInAnotherOrder()
    {
        var (first, second, third) = (Progress("owner", 1), Progress("owner", 2), Progress("owner", 3));
        var left = Hub();
        var other = Hub();
        // The replica the client leaves got the second event before the first; the client saw the second, then went.
        using (var before = left.Subscribe("owner"))
        {
            left.Publish(second);
            Assert.Same(second, Assert.Single(ReadAll(before)));
        }
        other.Publish(first);
        other.Publish(second);
        other.Publish(third);

        using var resumed = other.Subscribe("owner", lastEventId: second.Id);

        Assert.Equal([first, third], ReadAll(resumed));
    }

    [Fact]
    public void ALastEventThisReplicaHasNotHadYetResumesWhenItHasHeardEverythingSince()
    {
        var clock = new ManualClock(DateTimeOffset.UtcNow.AddMinutes(-1));
        var hub = Hub(clock: clock); // listening for a minute
        clock.Now = DateTimeOffset.UtcNow;
        var elsewhere = Progress("owner", 1); // reached the client through another replica; not here yet
        var next = Progress("owner", 2);
        hub.Publish(next);

        using var resumed = hub.Subscribe("owner", lastEventId: elsewhere.Id);
        Assert.Equal([next], ReadAll(resumed));
        hub.Publish(elsewhere); // late here: it goes out live (the client has it already; ids say so)
        Assert.Equal([elsewhere], ReadAll(resumed));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void AReplicaThatStartedAfterTheLastEventOrGotAnIdNotOursSaysReload(bool foreignId)
    {
        var before = Progress("owner", 1);
        var hub = Hub(clock: TimeProvider.System); // started just now: the overlap before the client's last event reaches back before it listened
        hub.Publish(Progress("owner", 2));

        using var resumed = hub.Subscribe("owner", lastEventId: foreignId ? "not-an-event-id" : before.Id);

        Assert.Equal([ApiEventTypes.Reload], ReadAll(resumed).Select(e => e.Type));
    }

    [Fact]
    public void AfterTheBrokerConnectionCameBack_AResumeFromBeforeThenSaysReload_EvenForAnEventHeldHere()
    {
        var clock = new ManualClock(DateTimeOffset.UtcNow.AddMinutes(-1));
        var hub = Hub(clock: clock);
        clock.Now = DateTimeOffset.UtcNow;
        var held = Progress("owner", 1);
        hub.Publish(held);
        hub.ListeningAgain(); // its queues were made anew: what was published meanwhile never came

        using var resumed = hub.Subscribe("owner", lastEventId: held.Id);

        Assert.Equal([ApiEventTypes.Reload], ReadAll(resumed).Select(e => e.Type));
    }
}
