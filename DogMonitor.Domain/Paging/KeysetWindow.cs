namespace DogMonitor.Domain.Paging;

/// <summary>
/// Index-addressed reads over a newest-first keyset listing, for views such as a virtualized grid that ask
/// for "items 4,800 to 4,830". Keyset pages cannot be jumped into, so the window remembers where every page it
/// has passed starts and walks forward from the deepest one it knows; pages read are cached, least recently used
/// first out, so scrolling back and forth reads nothing twice and memory stays bounded however deep one goes.
/// </summary>
public sealed class KeysetWindow<T>
{
    private readonly Func<PageCursor?, int, CancellationToken, Task<Page<T>>> _fetch;
    private readonly int _pageSize;
    private readonly int _maxCachedPages;
    private readonly List<PageCursor?> _pageStarts = [null];
    private readonly Dictionary<int, LinkedListNode<(int Index, IReadOnlyList<T> Items)>> _cache = [];
    private readonly LinkedList<(int Index, IReadOnlyList<T> Items)> _recent = new();
    private int? _pageCount;

    /// <param name="fetch">Reads up to the given number of items after a cursor (null: from the newest).</param>
    public KeysetWindow(Func<PageCursor?, int, CancellationToken, Task<Page<T>>> fetch, int pageSize = 100, int maxCachedPages = 16)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxCachedPages, 1);
        _fetch = fetch;
        _pageSize = pageSize;
        _maxCachedPages = maxCachedPages;
    }

    /// <summary>How many pages were read from the listing so far (for tests and benchmarks).</summary>
    public int PagesRead { get; private set; }

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
        // Walk forward from the deepest known page start; each read reveals where the next page starts.
        while (_pageStarts.Count <= index)
        {
            if (_pageCount is { } known && known <= index) return null;
            await ReadAsync(_pageStarts.Count - 1, cancellationToken);
        }
        if (_pageCount is { } count && count <= index) return null;
        return await ReadAsync(index, cancellationToken);
    }

    private async Task<IReadOnlyList<T>> ReadAsync(int index, CancellationToken cancellationToken)
    {
        if (_cache.TryGetValue(index, out var cached)) return cached.Value.Items;
        var page = await _fetch(_pageStarts[index], _pageSize, cancellationToken);
        PagesRead++;
        if (page.Next is { } next)
        {
            if (_pageStarts.Count == index + 1) _pageStarts.Add(next);
        }
        else
        {
            _pageCount = index + 1;
        }
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
