using DogMonitor.Domain.Paging;

namespace DogMonitor.Web.Components.Gallery;

/// <summary>
/// One tab's items for the virtualized grid: a <see cref="KeysetWindow{T}"/> over the listing with the current
/// filter, and the count for the tab. Reads are serialized, since the grid may ask again before a read ends.
/// </summary>
public sealed class GallerySource<T>(
    Func<GalleryFilter, PageCursor?, int, CancellationToken, Task<Page<T>>> fetch,
    Func<GalleryFilter, PageCursor?, int, CancellationToken, Task<PageCursor?>> seek,
    Func<GalleryFilter, CancellationToken, Task<int>> count,
    TimeProvider clock)
{
    public const int PageSize = 120;

    /// <summary>
    /// Cards carry signed media URLs that expire (Storage:UrlLifetime, 15 minutes by default): pages older than
    /// this are read again, so scrolling back after a while signs afresh.
    /// </summary>
    public static readonly TimeSpan ReadAgainAfter = TimeSpan.FromMinutes(5);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private KeysetWindow<T>? _window;
    private DateTimeOffset _windowMadeAt;

    /// <summary>How many items the filter selects, as last counted; null before the first count.</summary>
    public int? Count { get; private set; }

    public GalleryFilter Filter { get; private set; } = new();

    /// <summary>Counts again and forgets what was read, e.g. after a filter change or a new item.</summary>
    public async Task ResetAsync(GalleryFilter filter, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            // Counted first: if that fails, the tab keeps its filter, count and window together.
            var counted = await count(filter, cancellationToken);
            (Filter, Count, _window) = (filter, counted, NewWindow(filter));
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task<IReadOnlyList<T>> GetRangeAsync(int start, int length, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_window is null) return [];
            if (clock.GetUtcNow() - _windowMadeAt > ReadAgainAfter) _window = NewWindow(Filter);
            return await _window.GetRangeAsync(start, length, cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    public T? FindLoaded(Func<T, bool> match) => _window is null ? default : _window.FindCached(match);

    private KeysetWindow<T> NewWindow(GalleryFilter filter)
    {
        _windowMadeAt = clock.GetUtcNow();
        return new KeysetWindow<T>(
            (cursor, limit, token) => fetch(filter, cursor, limit, token),
            (cursor, skip, token) => seek(filter, cursor, skip, token),
            PageSize);
    }
}
