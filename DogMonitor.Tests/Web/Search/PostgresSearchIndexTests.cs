using DogMonitor.Domain.Paging;
using DogMonitor.Domain.Persistence;
using DogMonitor.Domain.Search;
using DogMonitor.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace DogMonitor.Tests.Web.Search;

/// <summary>
/// On PostgreSQL the search and the label filter are questions its GIN indexes answer: the label filter is asked as
/// <c>labels @&gt; ARRAY[label]</c>, the search as <c>search_vector @@ to_tsquery(…)</c>, and the planner can use the
/// indexes for both.
/// </summary>
public sealed class PostgresSearchIndexTests(ProductionEnvironment environment) : IClassFixture<ProductionEnvironment>
{
    [Fact]
    public async Task SearchAndTheLabelFilterAreServedByGinIndexes()
    {
        await using var scope = environment.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DogMonitorDbContext>();
        var query = new ListQuery(10, null, "fetch", null, null, null) { Search = SearchTerms.TryParse("bal gar") };
        var sql = db.Snapshots.Where(s => s.Labels.Contains(query.Label!)).ToQueryString() + "\n"
            + db.Clips.Where(c => c.Labels.Contains(query.Label!)).ToQueryString();
        Assert.Contains("labels @> ARRAY[", sql, StringComparison.Ordinal);
        Assert.Equal("'bal':* & 'gar':*", query.Search!.ToPostgresQuery());

        var builder = new NpgsqlConnectionStringBuilder(environment.App.Settings["Database:ConnectionString"]);
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync();
        await Execute(connection, "SET enable_seqscan = off");
        foreach (var table in new[] { "snapshots", "clips" })
        {
            Assert.Contains($"ix_{table}_labels", await Execute(connection, $"EXPLAIN SELECT id FROM {table} WHERE labels @> ARRAY['fetch']::text[]"), StringComparison.Ordinal);
            var search = $"EXPLAIN SELECT id FROM {table} WHERE search_vector @@ to_tsquery('simple', '{query.Search!.ToPostgresQuery().Replace("'", "''", StringComparison.Ordinal)}')";
            Assert.Contains($"ix_{table}_search_vector", await Execute(connection, search), StringComparison.Ordinal);
        }
    }

    private static async Task<string> Execute(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var lines = new List<string>();
        while (await reader.ReadAsync()) lines.Add(reader.GetString(0));
        return string.Join('\n', lines);
    }
}
