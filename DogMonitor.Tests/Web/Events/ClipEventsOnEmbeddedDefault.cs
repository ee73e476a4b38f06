using System.Net;
using DogMonitor.Tests.Infrastructure;
using static DogMonitor.Tests.Web.Clips.ClipPolling;

namespace DogMonitor.Tests.Web.Events;

/// <summary>
/// A clip cut by real ffmpeg from the synthetic camera's buffer on the embedded default, followed over real sockets as a
/// script would: every event stream tells queued → processing → ready, in that order, as it happens.
/// </summary>
public sealed class ClipEventsOnEmbeddedDefault(RecordingApp recording) : IClassFixture<RecordingApp>
{
    [Fact]
    public async Task AClipsLifeArrivesInOrderOverServerSentEventsTheWebSocketAndItsOwnStream()
    {
        using var stream = await EventStreamReader.OpenAsync(recording.Client, "/api/events");
        await using var socket = await EventSocket.ConnectAsync(recording.BaseUrl, recording.App.OwnerKey);

        // A moment the buffer holds: on a busy machine the recorder can run behind the wall clock.
        var bufferLast = await recording.WaitForBufferAsync(TimeSpan.FromSeconds(8));
        var created = await recording.Client.PostJsonAsync("/api/clips", new { start_ts = Iso(bufferLast.AddSeconds(-7)), duration_ms = 6000, labels = new[] { "events" } });
        Assert.Equal(HttpStatusCode.Accepted, created.StatusCode);
        var id = (string)(await created.ReadJsonAsync())["id"]!;
        using var own = await EventStreamReader.OpenAsync(recording.Client, $"/api/clips/{id}/events");

        var heard = await stream.UntilClipEndsAsync(id);
        var received = await socket.UntilClipEndsAsync(id);
        EventSources.AssertQueuedProcessingReady(heard, id);
        Assert.Equal(heard.Select(e => (e.Id, e.Type, e.Data.ToJsonString())), received.Select(e => (e.Id, e.Type, e.Data.ToJsonString())));

        // Its own stream: the state when it was opened, the changes after it, and the end once ready.
        var followed = new List<ServerSentEvent>();
        while (await own.NextAsync() is { } next) followed.Add(next);
        Assert.All(followed, e => Assert.Equal(("clip.status", id), (e.Type, e.ItemId)));
        Assert.Equal("ready", (string?)followed[^1].Data["status"]);
        if (followed.Count > 1) Assert.Equal(heard[^1].Id, followed[^1].Id); // heard live, under the id the other streams gave it
        var order = followed.Select(e => ((string?)e.Data["status"] switch { "queued" => 0, "processing" => 1, _ => 2 }, (int)e.Data["progress"]!)).ToList();
        Assert.Equal(order.Order(), order);
    }
}
