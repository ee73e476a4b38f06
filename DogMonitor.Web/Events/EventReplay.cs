namespace DogMonitor.Web.Events;

/// <summary>
/// The events this process handed out lately, for clients that reconnect with <c>Last-Event-ID</c>: kept for
/// <see cref="EventStreamOptions.ReplayWindow"/>, and never more than <see cref="EventStreamOptions.ReplayCapacity"/>.
/// Not thread-safe: <see cref="EventHub"/> holds its lock around every call.
/// </summary>
internal sealed class EventReplay(EventStreamOptions options)
{
    private readonly Queue<(ApiEvent Event, DateTime Received)> _events = new();
    private readonly Dictionary<string, long> _positions = new(StringComparer.Ordinal);
    private long _first; // the position of the oldest event held

    /// <summary>The newest id held, if any: where a client told to reload resumes from.</summary>
    public string? NewestId { get; private set; }

    /// <summary>Keeps the event; false when it is held already (a message the bus delivered twice), so it goes out once.</summary>
    public bool Add(ApiEvent item, DateTime now)
    {
        if (item.Id is not { Length: > 0 } id) return true;
        if (!_positions.TryAdd(id, _first + _events.Count)) return false;
        _events.Enqueue((item, now));
        NewestId = id;
        Trim(now);
        return true;
    }

    /// <summary>Every event after <paramref name="lastId"/>, oldest first; false when that id is no longer (or never was) held.</summary>
    public bool TryGetAfter(string lastId, DateTime now, out IReadOnlyList<ApiEvent> missed)
    {
        Trim(now);
        if (!_positions.TryGetValue(lastId, out var position))
        {
            missed = [];
            return false;
        }
        missed = [.. _events.Skip((int)(position - _first + 1)).Select(e => e.Event)];
        return true;
    }

    private void Trim(DateTime now)
    {
        var oldest = now - options.ReplayWindow;
        while (_events.Count > 0 && (_events.Count > options.ReplayCapacity || _events.Peek().Received < oldest))
        {
            var (gone, _) = _events.Dequeue();
            _positions.Remove(gone.Id!);
            _first++;
        }
        if (_events.Count == 0) NewestId = null;
    }
}
