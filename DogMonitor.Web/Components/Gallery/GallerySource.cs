using DogMonitor.Domain.Paging;

namespace DogMonitor.Web.Components.Gallery;

/// <summary>
/// One tab's items for the virtualized grid: a <see cref="KeysetWindow{T}"/> over the listing with the current
/// filter, and the count for the tab. Reads are serialized, since the grid may ask again before a read ends.
/// </summary>
public sealed class GallerySource<T>(
    Func<GalleryFilter, PageCursor?, int, CancellationToken, Task<Page<T>>> fetch,
    Func<GalleryFilter, PageCursor?, int, CancellationToken, Task<PageCursor?>> seek,
    Func<GalleryFilter, CancellationToken, Task<int>> count)
{
    public const int PageSize = 120;

    private readonly SemaphoreSlim _gate = new(1, 1);
    private KeysetWindow<T>? _window;
    private GalleryFilter _filter = new();

    /// <summary>How many items the filter selects, as last counted; null before the first count.</summary>
    public int? Count { get; private set; }

    public GalleryFilter Filter => _filter;

    /// <summary>Forgets what was read and counts again, e.g. after a filter change or a new item.</summary>
    public async Task ResetAsync(GalleryFilter filter, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            _filter = filter;
            _window = new KeysetWindow<T>(
                (cursor, limit, token) => fetch(filter, cursor, limit, token),
                (cursor, skip, token) => seek(filter, cursor, skip, token),
                PageSize);
            Count = await count(filter, cancellationToken);
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
            return _window is null ? [] : await _window.GetRangeAsync(start, length, cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    public T? FindLoaded(Func<T, bool> match) => _window is null ? default : _window.FindCached(match);
}
