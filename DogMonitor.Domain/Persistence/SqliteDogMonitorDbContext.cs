using DogMonitor.Domain.Paging;
using DogMonitor.Domain.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DogMonitor.Domain.Persistence;

/// <summary>
/// The embedded default's metadata: a SQLite file under the data directory. Search reads an FTS5 table per item
/// table (<c>snapshots_search</c>, <c>clips_search</c>) over the search text, kept in step by triggers (see the
/// Search migration); EF's model does not know those tables.
/// </summary>
public sealed class SqliteDogMonitorDbContext(DbContextOptions<SqliteDogMonitorDbContext> options) : DogMonitorDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite keeps no time zone: every DateTime stored is UTC, so read it back as UTC.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
    }

    // The FTS5 triggers are AFTER triggers, which SQLite's RETURNING clause does not work with.
    protected override void ConfigureSearch(EntityTypeBuilder item) => item.ToTable(table => table.UseSqlReturningClause(false));

    // EF would need APPLY (which SQLite lacks) to group the labels of a JSON array column; json_each does it here.
    internal override async Task<List<(string Label, int Count)>> CountLabelsAsync<T>(string ownerId, string prefix, CancellationToken cancellationToken)
    {
        var table = Model.FindEntityType(typeof(T))!.GetTableName()!;
        var counted = await Database.SqlQueryRaw<LabelRow>(SqliteSearchIndex.LabelCounts(table), ownerId, prefix).ToListAsync(cancellationToken);
        return [.. counted.Select(c => (c.Label, c.Count))];
    }

    private sealed record LabelRow(string Label, int Count);

    internal override IQueryable<T> WhereMatches<T>(IQueryable<T> items, SearchTerms terms)
    {
        var sql = SqliteSearchIndex.MatchingIds(Model.FindEntityType(typeof(T))!.GetTableName()!);
        var ids = Database.SqlQueryRaw<Guid>(sql, terms.ToSqliteMatch());
        return items.Where(i => ids.Contains(i.Id));
    }
}
