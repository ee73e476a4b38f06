using DogMonitor.Domain.Paging;
using DogMonitor.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DogMonitor.Domain.Search;

/// <summary>
/// Gives rows stored before search existed their search text, with the same code that writes it for new rows (the
/// Search migration cannot: the text is defined in C#, once, for both databases). The migrator runs it right after
/// the migrations, before the app serves anything; afterwards it finds nothing to do.
/// </summary>
public static class SearchBackfill
{
    private const int Batch = 500;

    /// <summary>Fills every row whose search text is missing; returns how many it filled.</summary>
    public static async Task<int> RunAsync(DogMonitorDbContext db, CancellationToken cancellationToken) =>
        await FillAsync(db, db.Snapshots, cancellationToken) + await FillAsync(db, db.Clips, cancellationToken);

    private static async Task<int> FillAsync<T>(DogMonitorDbContext db, DbSet<T> items, CancellationToken cancellationToken)
        where T : class, IListedItem
    {
        var filled = 0;
        while (true)
        {
            var batch = await items.Where(i => EF.Property<string?>(i, SearchText.Property) == null).OrderBy(i => i.Id).Take(Batch).ToListAsync(cancellationToken);
            if (batch.Count == 0) return filled;
            foreach (var item in batch) SearchText.Stamp(db.Entry<IListedItem>(item));
            try
            {
                // Only the search text is written: a worker changing a clip's other columns meanwhile loses nothing.
                filled += await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                // A row went away meanwhile (another process fills too, or someone deleted it): read again.
            }
            db.ChangeTracker.Clear();
        }
    }
}
