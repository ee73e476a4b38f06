namespace DogMonitor.Domain.Paging;

/// <summary>
/// Index-addressed reads over a newest-first keyset listing, for views such as a virtualized grid that ask for
/// "items 4,800 to 4,830". Keyset pages cannot be jumped into: the window remembers where each page it has met
/// starts, walks forward from the nearest one for short distances, and for a long jump asks the listing for the
/// key that many items on (a key-only read). Pages read are cached, least recently used first out, so scrolling
/// back and forth reads nothing twice and memory stays bounded however deep one goes.
/// </summary>
public sealed class KeysetWindow<T>
{
    /// <summary>Beyond this many unknown pages, a jump seeks instead of walking.</summary>
    public const int WalkLimit = 3;

    private readonly Func<PageCursor?, int, CancellationToken, Task<Page<T>>> _fetch;
    private readonly Func<PageCursor?, int, CancellationToken, Task<PageCursor?>>? _seek;
    private readonly int _pageSize;
    private readonly int _maxCachedPages;
    private readonly Dictionary<int, PageCursor?> _starts = new() { [0] = null };
    private readonly Dictionary<int, LinkedListNode<(int Index, IReadOnlyList<T> Items)>> _cache = [];
    private readonly LinkedList<(int Index, IReadOnlyList<T> Items)> _recent = new();
    private int? _pageCount;

    /// <param name="fetch">Reads up to the given number of items after a cursor (null: from the newest).</param>
    /// <param name="seek">The cursor after the given number of items past a cursor, or null past the end; without it, jumps walk.</param>
    public KeysetWindow(Func<PageCursor?, int, CancellationToken, Task<Page<T>>> fetch,
        Func<PageCursor?, int, CancellationToken, Task<PageCursor?>>? seek = null, int pageSize = 100, int maxCachedPages = 16)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxCachedPages, 1);
        _fetch = fetch;
        _seek = seek;
        _pageSize = pageSize;
        _maxCachedPages = maxCachedPages;
    }

    /// <summary>How many pages were read from the listing so far (for tests and benchmarks).</summary>
    public int PagesRead { get; private set; }

    /// <summary>How many seeks were made so far (for tests and benchmarks).</summary>
    public int Seeks { get; private set; }

    /// <summary>Items <paramref name="start"/> to <paramref name="start"/> + <paramref name="count"/>, fewer at the end.</summary>
    public async Task<IReadOnlyList<T>> GetRangeAsync(int start, int count, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var result = new List<T>(count);
        for (var index = start; index < start + count;)
        {
            var page = await PageAsync(index / _pageSize, cancellationToken);
            if (page is null) break;
            var offset = index % _pageSize;
            if (offset >= page.Count) break;
            var take = Math.Min(page.Count - offset, start + count - index);
            for (var i = 0; i < take; i++) result.Add(page[offset + i]);
            index += take;
        }
        return result;
    }

    /// <summary>The cached item matching <paramref name="match"/>, if its page is in memory (for live updates).</summary>
    public T? FindCached(Func<T, bool> match)
    {
        foreach (var (_, items) in _recent)
            foreach (var item in items)
                if (match(item)) return item;
        return default;
    }

    private async Task<IReadOnlyList<T>?> PageAsync(int index, CancellationToken cancellationToken)
    {
        if (_cache.TryGetValue(index, out var node))
        {
            _recent.Remove(node);
            _recent.AddFirst(node);
            return node.Value.Items;
        }
        if (_pageCount is { } count && count <= index) return null;
        return await FindStartAsync(index, cancellationToken) ? await ReadAsync(index, cancellationToken) : null;
    }

    /// <summary>Learns where page <paramref name="index"/> starts; false when the listing ends before it.</summary>
    private async Task<bool> FindStartAsync(int index, CancellationToken cancellationToken)
    {
        if (_starts.ContainsKey(index)) return true;
        var known = _starts.Keys.Where(k => k < index).Max();
        if (_seek is not null && index - known > WalkLimit)
        {
            Seeks++;
            var start = await _seek(_starts[known], (index - known) * _pageSize, cancellationToken);
            if (start is null) return false;
            _starts[index] = start;
            return true;
        }
        for (var page = known; page < index; page++)
        {
            if (!_starts.ContainsKey(page + 1)) await ReadAsync(page, cancellationToken);
            if (!_starts.ContainsKey(page + 1)) return false;
        }
        return true;
    }

    private async Task<IReadOnlyList<T>> ReadAsync(int index, CancellationToken cancellationToken)
    {
        if (_cache.TryGetValue(index, out var cached)) return cached.Value.Items;
        var page = await _fetch(_starts[index], _pageSize, cancellationToken);
        PagesRead++;
        if (page.Next is { } next) _starts.TryAdd(index + 1, next);
        else _pageCount = index + 1;
        _cache[index] = _recent.AddFirst((index, page.Items));
        if (_cache.Count > _maxCachedPages)
        {
            var oldest = _recent.Last!;
            _recent.RemoveLast();
            _cache.Remove(oldest.Value.Index);
        }
        return page.Items;
    }
}
