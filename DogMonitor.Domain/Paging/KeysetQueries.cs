using DogMonitor.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DogMonitor.Domain.Paging;

/// <summary>
/// Newest-first listings: filters and a keyset position over a table of items. The database is passed along
/// because a search (<see cref="ListQuery.Search"/>) is asked of each provider in its own full-text syntax.
/// </summary>
public static class KeysetQueries
{
    /// <summary>Applies a listing's filters and cursor, newest first, and reads one page plus one row to know if more follow.</summary>
    public static async Task<Page<T>> ToPageAsync<T>(this IQueryable<T> items, DogMonitorDbContext db, string ownerId, ListQuery query, CancellationToken cancellationToken)
        where T : class, IListedItem
    {
        var page = await items.After(db, ownerId, query)
            .Take(query.Limit + 1)
            .ToListAsync(cancellationToken);
        if (page.Count <= query.Limit) return new Page<T>(page, null);
        page.RemoveAt(page.Count - 1);
        return new Page<T>(page, new PageCursor(page[^1].Timestamp, page[^1].Id));
    }

    /// <summary>
    /// The cursor after the first <paramref name="skip"/> items that follow the query's cursor, or null when fewer
    /// follow: a jump deep into a listing reads only keys from the index instead of every page on the way.
    /// </summary>
    public static async Task<PageCursor?> SeekAsync<T>(this IQueryable<T> items, DogMonitorDbContext db, string ownerId, ListQuery query, int skip, CancellationToken cancellationToken)
        where T : class, IListedItem
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(skip, 1);
        var keys = await items.After(db, ownerId, query)
            .Skip(skip - 1)
            .Select(i => new { i.Timestamp, i.Id })
            .Take(1)
            .ToListAsync(cancellationToken);
        return keys.Count == 0 ? null : new PageCursor(keys[0].Timestamp, keys[0].Id);
    }

    /// <summary>How many items a listing's filters select, whatever its cursor (the gallery's tab counts).</summary>
    public static Task<int> CountMatchingAsync<T>(this IQueryable<T> items, DogMonitorDbContext db, string ownerId, ListQuery query, CancellationToken cancellationToken)
        where T : class, IListedItem =>
        items.Filtered(db, ownerId, query).CountAsync(cancellationToken);

    private static IOrderedQueryable<T> After<T>(this IQueryable<T> items, DogMonitorDbContext db, string ownerId, ListQuery query)
        where T : class, IListedItem
    {
        items = items.Filtered(db, ownerId, query);
        if (query.Cursor is { } cursor)
            // The first bound is implied by the second; it is there so the database seeks the index to the
            // cursor instead of scanning from the newest row (PostgreSQL cannot derive a range from the OR).
            items = items.Where(i => i.Timestamp <= cursor.Time && (i.Timestamp < cursor.Time || i.Id.CompareTo(cursor.Id) < 0));
        return items.OrderByDescending(i => i.Timestamp).ThenByDescending(i => i.Id);
    }

    private static IQueryable<T> Filtered<T>(this IQueryable<T> items, DogMonitorDbContext db, string ownerId, ListQuery query)
        where T : class, IListedItem
    {
        items = items.AsNoTracking().Where(i => i.OwnerId == ownerId);
        if (query.CameraId is { } camera) items = items.Where(i => i.CameraId == camera);
        if (query.Label is { } label) items = items.Where(i => i.Labels.Contains(label));
        if (query.From is { } from) items = items.Where(i => i.Timestamp >= from);
        if (query.To is { } to) items = items.Where(i => i.Timestamp < to);
        if (query.Search is { } search) items = db.WhereMatches(items, search);
        return items;
    }
}
