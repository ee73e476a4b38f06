using DogMonitor.Domain.Paging;
using DogMonitor.Domain.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NpgsqlTypes;

namespace DogMonitor.Domain.Persistence;

/// <summary>
/// Production metadata in PostgreSQL. Search reads a stored, generated <c>tsvector</c> of each item's search text
/// with a GIN index; the label filter has a GIN index of its own.
/// </summary>
public sealed class PostgresDogMonitorDbContext(DbContextOptions<PostgresDogMonitorDbContext> options) : DogMonitorDbContext(options)
{
    /// <summary>
    /// The 'simple' configuration only lower-cases: no stemming and no stop words, so dog names and labels stay as
    /// typed, and the words PostgreSQL sees are the ones <see cref="SearchText"/> made.
    /// </summary>
    private const string Configuration = "simple";
    private const string VectorProperty = "SearchVector";

    internal override IQueryable<T> WhereMatches<T>(IQueryable<T> items, SearchTerms terms)
    {
        var query = terms.ToPostgresQuery();
        return items.Where(i => EF.Property<NpgsqlTsVector>(i, VectorProperty).Matches(EF.Functions.ToTsQuery(Configuration, query)));
    }

    internal override async Task<List<(string Label, int Count)>> CountLabelsAsync<T>(string ownerId, string prefix, CancellationToken cancellationToken)
    {
        var labels = Set<T>().Where(i => i.OwnerId == ownerId).SelectMany(i => i.Labels);
        if (prefix.Length > 0) labels = labels.Where(label => label.StartsWith(prefix));
        var counted = await labels.GroupBy(label => label).Select(group => new { group.Key, Count = group.Count() }).ToListAsync(cancellationToken);
        return [.. counted.Select(c => (c.Key, c.Count))];
    }

    protected override void ConfigureSearch(EntityTypeBuilder item)
    {
        item.Property<NpgsqlTsVector>(VectorProperty)
            .HasComputedColumnSql($"to_tsvector('{Configuration}'::regconfig, coalesce(search_text, ''))", stored: true);
        item.HasIndex(VectorProperty).HasMethod("gin");
        // Serves the label filter: Npgsql asks for labels @> ARRAY[label], which a GIN index answers.
        item.HasIndex(nameof(IListedItem.Labels)).HasMethod("gin");
    }
}
