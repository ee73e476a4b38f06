using System.Diagnostics;
using DogMonitor.Domain.Owners;
using DogMonitor.Domain.Paging;
using DogMonitor.Domain.Persistence;
using DogMonitor.Domain.Snapshots;
using DogMonitor.Domain.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace DogMonitor.Benchmarks;

/// <summary>
/// Lists a page of 50 snapshots at several depths of a 100,000-row table, through the same
/// <see cref="SnapshotService.ListAsync"/> the API uses (keyset), beside OFFSET paging of the same
/// rows as the baseline, in one process on one database; then search and the label filter (<see cref="SearchBenchmark"/>).
/// </summary>
public static class PagingBenchmark
{
    private const int PageSize = 50;
    private const int Repetitions = 30;

    public static async Task RunAsync(string provider, int rows, string? postgresAdmin)
    {
        var work = Path.Combine(Path.GetTempPath(), $"dogmonitor-bench-{Guid.NewGuid():N}");
        string? database = null;
        var settings = new Dictionary<string, string?> { ["DataDirectory"] = work, ["Storage:Provider"] = "FileSystem" };
        if (postgresAdmin is not null)
        {
            database = $"bench_{Guid.NewGuid():N}";
            await ExecuteAsync(postgresAdmin, $"CREATE DATABASE {database}");
            settings["Database:Provider"] = "Postgres";
            settings["Database:ConnectionString"] = new NpgsqlConnectionStringBuilder(postgresAdmin) { Database = database }.ConnectionString;
        }

        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddDogMonitorDatabase();
        builder.Services.AddMediaStore(); // SnapshotService needs one; listing never touches it
        builder.Services.AddSnapshots();
        builder.Services.AddScoped<ICurrentUser, BenchOwner>();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        using var host = builder.Build();
        await host.StartAsync(); // applies migrations
        try
        {
            var seeded = Stopwatch.StartNew();
            await SeedAsync(host.Services, rows);
            Console.WriteLine($"[{provider}] seeded {rows:N0} snapshots in {seeded.Elapsed.TotalSeconds:0.0} s");
            await AnalyzeAsync(host.Services);
            Console.WriteLine($"[{provider}] median of {Repetitions} runs, {PageSize} items a page");
            Console.WriteLine($"{"depth",10} {"keyset ms",10} {"offset ms",10} {"offset/keyset",14}");

            double? firstKeyset = null;
            foreach (var depth in new[] { 0, rows / 10, rows / 2, rows - PageSize })
            {
                var cursor = await CursorAtAsync(host.Services, depth);
                var keyset = await MedianAsync(host.Services, (scope, ct) =>
                    scope.GetRequiredService<SnapshotService>().ListAsync(new ListQuery(PageSize, cursor, null, null, null, null), ct));
                var offset = await MedianAsync(host.Services, (scope, ct) => OffsetPageAsync(scope, depth, ct));
                firstKeyset ??= keyset;
                Console.WriteLine($"{depth,10:N0} {keyset,10:0.000} {offset,10:0.000} {offset / keyset,13:0.0}x   keyset vs first page: {keyset / firstKeyset:0.00}x");
            }
            await GalleryAsync(host.Services, provider, rows, firstKeyset!.Value);
            await SearchBenchmark.RunAsync(host.Services, provider, PageSize, firstKeyset.Value, MedianAsync);
        }
        finally
        {
            await host.StopAsync();
            NpgsqlConnection.ClearAllPools();
            if (database is not null) await ExecuteAsync(postgresAdmin!, $"DROP DATABASE {database} WITH (FORCE)");
            Directory.Delete(work, recursive: true);
        }
    }

    private static async Task SeedAsync(IServiceProvider services, int rows)
    {
        var start = new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        const int batch = 5_000;
        for (var done = 0; done < rows; done += batch)
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<DogMonitorDbContext>();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            for (var i = done; i < Math.Min(rows, done + batch); i++)
            {
                var id = Guid.CreateVersion7();
                db.Snapshots.Add(new Snapshot
                {
                    Id = id, OwnerId = BenchOwner.Id, CameraId = i % 3 == 0 ? "yard" : "kitchen",
                    Timestamp = start.AddSeconds(i * 7), Labels = SearchBenchmark.LabelsFor(i),
                    Note = SearchBenchmark.NoteFor(i, rows), ContentType = "image/jpeg", Width = 1280, Height = 720, SizeBytes = 100_000,
                    ImageKey = $"snapshots/{id:N}/image.jpg", ThumbnailKey = $"snapshots/{id:N}/thumbnail.jpg",
                    CreatedAt = DateTime.UtcNow,
                });
            }
            await db.SaveChangesAsync();
        }
    }

    /// <summary>
    /// The gallery grid's reads: the tab count, and the first jump to the end of a fresh <see cref="KeysetWindow{T}"/>
    /// (a scrollbar dragged to the bottom), which walks every page once; then the same range again from its cache.
    /// </summary>
    private static async Task GalleryAsync(IServiceProvider services, string provider, int rows, double firstPageMs)
    {
        var count = await MedianAsync(services, (scope, ct) =>
            scope.GetRequiredService<SnapshotService>().CountAsync(new ListQuery(1, null, null, null, null, null), ct));
        var window = new KeysetWindow<Snapshot>(async (cursor, limit, ct) =>
        {
            await using var scope = services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<SnapshotService>().ListAsync(new ListQuery(limit, cursor, null, null, null, null), ct);
        }, async (cursor, skip, ct) =>
        {
            await using var scope = services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<SnapshotService>().SeekAsync(new ListQuery(1, cursor, null, null, null, null), skip, ct);
        }, pageSize: 120);
        var cold = Stopwatch.StartNew();
        var end = await window.GetRangeAsync(rows - 36, 36, CancellationToken.None);
        var coldMs = cold.Elapsed.TotalMilliseconds;
        var warm = Stopwatch.StartNew();
        await window.GetRangeAsync(rows - 36, 36, CancellationToken.None);
        var warmMs = warm.Elapsed.TotalMilliseconds;
        if (end.Count != 36) throw new InvalidOperationException($"The window read {end.Count} items at the end, not 36.");
        Console.WriteLine($"[{provider}] gallery: tab count {count:0.000} ms ({count / firstPageMs:0.0}x a page of {PageSize});"
            + $" first jump to the end {coldMs:0.0} ms ({window.Seeks} seek, {window.PagesRead} pages of 120; {coldMs / firstPageMs:0.0}x a page of {PageSize});"
            + $" the same range again {warmMs:0.000} ms");
    }

    /// <summary>
    /// Refreshes planner statistics, as autovacuum (PostgreSQL) or the app's own optimize would in a
    /// running system; right after a bulk load the planner still believes the table is empty.
    /// </summary>
    private static async Task AnalyzeAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DogMonitorDbContext>().Database.ExecuteSqlRawAsync("ANALYZE");
    }

    /// <summary>The cursor a client holds after reading <paramref name="depth"/> items.</summary>
    private static async Task<PageCursor?> CursorAtAsync(IServiceProvider services, int depth)
    {
        if (depth == 0) return null;
        await using var scope = services.CreateAsyncScope();
        var last = await scope.ServiceProvider.GetRequiredService<DogMonitorDbContext>().Snapshots
            .OrderByDescending(s => s.Timestamp).ThenByDescending(s => s.Id).Skip(depth - 1).FirstAsync();
        return new PageCursor(last.Timestamp, last.Id);
    }

    // The baseline: the same page with LIMIT/OFFSET, which reads and throws away `depth` rows first.
    private static Task<List<Snapshot>> OffsetPageAsync(IServiceProvider scope, int depth, CancellationToken cancellationToken) =>
        scope.GetRequiredService<DogMonitorDbContext>().Snapshots.AsNoTracking()
            .Where(s => s.OwnerId == BenchOwner.Id)
            .OrderByDescending(s => s.Timestamp).ThenByDescending(s => s.Id)
            .Skip(depth).Take(PageSize + 1)
            .ToListAsync(cancellationToken);

    private static async Task<double> MedianAsync<T>(IServiceProvider services, Func<IServiceProvider, CancellationToken, Task<T>> page)
    {
        var times = new List<double>();
        for (var i = 0; i < Repetitions + 3; i++)
        {
            await using var scope = services.CreateAsyncScope();
            var watch = Stopwatch.StartNew();
            await page(scope.ServiceProvider, CancellationToken.None);
            if (i >= 3) times.Add(watch.Elapsed.TotalMilliseconds); // the first runs warm caches and the JIT
        }
        times.Sort();
        return times[times.Count / 2];
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
