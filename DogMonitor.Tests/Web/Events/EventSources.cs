namespace DogMonitor.Tests.Web.Events;

internal static class EventSources
{
    /// <summary>Reads until an event <paramref name="wanted"/> arrives, returning every event read on the way and it, last.</summary>
    public static async Task<List<ServerSentEvent>> UntilAsync(this IEventSource source, Func<ServerSentEvent, bool> wanted)
    {
        var read = new List<ServerSentEvent>();
        while (true)
        {
            var next = await source.NextAsync() ?? throw new Xunit.Sdk.XunitException($"The stream ended before the event waited for; it sent: {string.Join(", ", read)}");
            read.Add(next);
            if (wanted(next)) return read;
        }
    }

    /// <summary>Reads until the clip is ready (or failed), returning that clip's events only.</summary>
    public static async Task<List<ServerSentEvent>> UntilClipEndsAsync(this IEventSource source, string clipId) =>
        [.. (await source.UntilAsync(e => e.ItemId == clipId && (string?)e.Data["status"] is "ready" or "failed")).Where(e => e.ItemId == clipId)];

    /// <summary>
    /// Asserts a clip's life as a client saw it: created (queued), then processing with progress that never goes back,
    /// then ready at 100 %. Returns the progress figures seen while processing.
    /// </summary>
    public static List<int> AssertQueuedProcessingReady(IReadOnlyList<ServerSentEvent> events, string clipId)
    {
        var seen = string.Join("\n", events);
        Assert.True(events.Count >= 3, $"Too few events for clip {clipId}:\n{seen}");
        Assert.True(events[0].Type == "clip.created" && (string?)events[0].Data["status"] == "queued", $"The first event must be clip.created, queued:\n{seen}");
        Assert.All(events.Skip(1), e => Assert.Equal("clip.status", e.Type));
        var statuses = events.Select(e => (string)e.Data["status"]!).ToList();
        Assert.True(statuses.Distinct().SequenceEqual(["queued", "processing", "ready"]), $"Expected queued → processing → ready in that order:\n{seen}");
        Assert.Equal(statuses.OrderBy(s => Array.IndexOf(["queued", "processing", "ready"], s)), statuses);
        var progress = events.Where(e => (string?)e.Data["status"] == "processing").Select(e => (int)e.Data["progress"]!).ToList();
        Assert.Equal(progress.Order(), progress);
        Assert.Equal(100, (int)events[^1].Data["progress"]!);
        Assert.All(events, e => Assert.False(string.IsNullOrEmpty(e.Id), $"every event has an id: {e}"));
        Assert.Equal(events.Count, events.Select(e => e.Id).Distinct().Count());
        return progress;
    }
}
