using DogMonitor.Domain.Paging;
using DogMonitor.Domain.Persistence;
using DogMonitor.Domain.Search;
using DogMonitor.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace DogMonitor.Tests.Web.Search;

/// <summary>
/// Snapshots and clips stored before search existed (a database at the migration before Search, rows written as
/// that schema had them) are found once the app has started on the new version: migration and backfill.
/// </summary>
public abstract class SearchMigrationTests : IAsyncLifetime
{
    private const string Owner = "owner-from-before";
    private static readonly Guid SnapshotId = Guid.Parse("0195a3b2-0000-7000-8000-000000000001");
    private static readonly Guid ClipId = Guid.Parse("0195a3b2-0000-7000-8000-000000000002");

    protected string Root { get; } = Path.Combine(Path.GetTempPath(), "dogmonitor-tests", Guid.NewGuid().ToString("N"));

    protected abstract Task<Dictionary<string, string?>> DatabaseSettingsAsync();

    /// <summary>One snapshot and one clip, written in the schema of the migration before Search.</summary>
    protected abstract string OldRowsSql(Guid snapshotId, Guid clipId, string owner);

    [Fact]
    public async Task RowsFromBeforeSearchBecomeSearchable()
    {
        var settings = await DatabaseSettingsAsync();
        settings["DataDirectory"] = Root;
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddDogMonitorDatabase();
        using var host = builder.Build();
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<DogMonitorDbContext>();
            var migrations = db.Database.GetMigrations().ToList();
            var search = migrations.FindIndex(m => m.EndsWith("_Search", StringComparison.Ordinal));
            Assert.True(search > 0, "There is no migration named Search.");
            await db.GetService<IMigrator>().MigrateAsync(migrations[search - 1]);
            await db.Database.ExecuteSqlRawAsync(OldRowsSql(SnapshotId, ClipId, Owner));
        }

        await host.StartAsync(); // the migrator: the Search migration and what follows, then the backfill
        try
        {
            await using var scope = host.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<DogMonitorDbContext>();
            var query = new ListQuery(10, null, null, null, null, null) { Search = SearchTerms.TryParse("gard bal fet") };
            Assert.Equal([SnapshotId], (await db.Snapshots.ToPageAsync(db, Owner, query, CancellationToken.None)).Items.Select(s => s.Id));
            Assert.Equal([ClipId], (await db.Clips.ToPageAsync(db, Owner, query with { Search = SearchTerms.TryParse("kitchen zoom") }, CancellationToken.None)).Items.Select(c => c.Id));
            Assert.Empty((await db.Clips.ToPageAsync(db, Owner, query, CancellationToken.None)).Items);
        }
        finally
        {
            await host.StopAsync();
        }
    }

    public virtual ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public virtual ValueTask DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { }
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }
}

public sealed class SearchMigrationOnSqlite : SearchMigrationTests
{
    protected override Task<Dictionary<string, string?>> DatabaseSettingsAsync() =>
        Task.FromResult(new Dictionary<string, string?> { ["Database:Provider"] = "Sqlite" });

    protected override string OldRowsSql(Guid snapshotId, Guid clipId, string owner) => $"""
        INSERT INTO snapshots (id, owner_id, camera_id, timestamp, labels, note, content_type, width, height, size_bytes, image_key, thumbnail_key, created_at)
        VALUES ('{snapshotId.ToString().ToUpperInvariant()}', '{owner}', 'yard', '2024-05-01 10:00:00', '["fetch"]', 'Ball in the garden', 'image/jpeg', 64, 36, 100, 'a', 'b', '2024-05-01 10:00:00');
        INSERT INTO clips (id, owner_id, camera_id, timestamp, duration_ms, mode, labels, note, status, progress, attempts, created_at, updated_at)
        VALUES ('{clipId.ToString().ToUpperInvariant()}', '{owner}', 'yard', '2024-05-01 10:00:00', 5000, 'Exact', '["zoomies"]', 'In the kitchen', 'Ready', 100, 1, '2024-05-01 10:00:00', '2024-05-01 10:00:00');
        """;
}

public sealed class SearchMigrationOnPostgres : SearchMigrationTests
{
    private readonly string _database = $"dm_{Guid.NewGuid():N}";

    public override async ValueTask InitializeAsync() => await ExecuteAsync($"CREATE DATABASE {_database}");

    protected override Task<Dictionary<string, string?>> DatabaseSettingsAsync() =>
        Task.FromResult(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Postgres",
            ["Database:ConnectionString"] = new NpgsqlConnectionStringBuilder(TestServices.PostgresAdminConnectionString) { Database = _database }.ConnectionString,
        });

    protected override string OldRowsSql(Guid snapshotId, Guid clipId, string owner) => $"""
        INSERT INTO snapshots (id, owner_id, camera_id, timestamp, labels, note, content_type, width, height, size_bytes, image_key, thumbnail_key, created_at)
        VALUES ('{snapshotId}', '{owner}', 'yard', '2024-05-01T10:00:00Z', ARRAY['fetch'], 'Ball in the garden', 'image/jpeg', 64, 36, 100, 'a', 'b', '2024-05-01T10:00:00Z');
        INSERT INTO clips (id, owner_id, camera_id, timestamp, duration_ms, mode, labels, note, status, progress, attempts, created_at, updated_at)
        VALUES ('{clipId}', '{owner}', 'yard', '2024-05-01T10:00:00Z', 5000, 'Exact', ARRAY['zoomies'], 'In the kitchen', 'Ready', 100, 1, '2024-05-01T10:00:00Z', '2024-05-01T10:00:00Z');
        """;

    public override async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync($"DROP DATABASE IF EXISTS {_database} WITH (FORCE)");
        await base.DisposeAsync();
    }

    private static async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(TestServices.PostgresAdminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
