namespace DogMonitor.Web.Events;

/// <summary>
/// The events this process handed out lately, for clients that reconnect with <c>Last-Event-ID</c>: kept for
/// <see cref="EventStreamOptions.ReplayWindow"/>, and never more than <see cref="EventStreamOptions.ReplayCapacity"/>.
/// <para>
/// Every web replica gets every event from the bus, but not always in the same order, and a client may come back to
/// another replica than the one it left. So a resume goes by time as well as by place: the client is sent what came
/// after its last event here, and every event that happened (by its id, a GUID version 7) since
/// <see cref="EventStreamOptions.ReplayOverlap"/> before it. An event may so come twice; none is missed. When this
/// process cannot know everything since then (it started later, its connection to the broker was down meanwhile, or
/// it has dropped events of that time), the answer is no.
/// </para>
/// Not thread-safe: <see cref="EventHub"/> holds its lock around every call.
/// </summary>
internal sealed class EventReplay(EventStreamOptions options, DateTime listeningSince)
{
    private readonly Queue<(ApiEvent Event, DateTime Happened, DateTime Received)> _events = new();
    private readonly Dictionary<string, long> _positions = new(StringComparer.Ordinal);
    private long _first; // the position of the oldest event held
    private DateTime _heardSince = listeningSince; // every event the bus delivered since is here (or was, before its window)
    private DateTime _trimmedThrough = DateTime.MinValue; // the latest time of an event dropped from the replay

    /// <summary>The newest id held, if any: where a client told to reload resumes from.</summary>
    public string? NewestId { get; private set; }

    /// <summary>
    /// The bus was reconnected at <paramref name="now"/>: this process's own queues are made anew then, so events
    /// published while it was away never reached it.
    /// </summary>
    public void ListeningAgain(DateTime now)
    {
        if (now > _heardSince) _heardSince = now;
    }

    /// <summary>Keeps the event; false when it is held already (a message the bus delivered twice), so it goes out once.</summary>
    public bool Add(ApiEvent item, DateTime now)
    {
        if (item.Id is not { Length: > 0 } id) return true;
        if (!_positions.TryAdd(id, _first + _events.Count)) return false;
        _events.Enqueue((item, HappenedAt(id) ?? now, now));
        NewestId = id;
        Trim(now);
        return true;
    }

    /// <summary>
    /// The events a client whose last event was <paramref name="lastId"/> may have missed, oldest first; false when they
    /// are not all held any more (or the id is not one of ours).
    /// </summary>
    public bool TryGetAfter(string lastId, DateTime now, out IReadOnlyList<ApiEvent> missed)
    {
        Trim(now);
        missed = [];
        if (HappenedAt(lastId) is not { } last) return false;
        var from = last - options.ReplayOverlap;
        var held = _positions.TryGetValue(lastId, out var position);
        // Held here, what came after it here is known; what happened just before it must have been heard as well.
        if (from <= _heardSince || !held && from <= _trimmedThrough) return false;
        missed = [.. _events.Where((e, i) => e.Event.Id != lastId && (held && _first + i > position || e.Happened >= from)).Select(e => e.Event)];
        return true;
    }

    private void Trim(DateTime now)
    {
        var oldest = now - options.ReplayWindow;
        while (_events.Count > 0 && (_events.Count > options.ReplayCapacity || _events.Peek().Received < oldest))
        {
            var (gone, happened, _) = _events.Dequeue();
            _positions.Remove(gone.Id!);
            _first++;
            if (happened > _trimmedThrough) _trimmedThrough = happened;
        }
        if (_events.Count == 0) NewestId = null;
    }

    /// <summary>When an event happened, from its id (a GUID version 7 carries its creation time in milliseconds).</summary>
    internal static DateTime? HappenedAt(string id)
    {
        if (!Guid.TryParse(id, out var guid) || guid.Version != 7) return null;
        var bytes = guid.ToByteArray(bigEndian: true);
        var milliseconds = 0L;
        for (var i = 0; i < 6; i++) milliseconds = milliseconds << 8 | bytes[i];
        return DateTime.UnixEpoch.AddMilliseconds(milliseconds);
    }
}
