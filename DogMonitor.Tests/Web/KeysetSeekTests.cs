using DogMonitor.Domain.Paging;
using DogMonitor.Domain.Persistence;
using DogMonitor.Domain.Snapshots;
using DogMonitor.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DogMonitor.Tests.Web;

/// <summary>
/// The gallery's window over a real database: seeking by key lands exactly where walking the pages does, with
/// many items sharing a timestamp (ties are ordered by id), on both databases.
/// </summary>
public abstract class KeysetSeekTests(AppEnvironment environment)
{
    private const int Rows = 1_000;

    [Fact]
    public async Task SeekingLandsWhereWalkingDoes()
    {
        var app = await environment.StartAppAsync("seek");
        await SeedAsync(app);
        var expected = await AllAsync(app);
        Assert.Equal(Rows, expected.Count);

        var seeking = Window(app, seek: true);
        var walking = Window(app, seek: false);
        var random = new Random(7);
        foreach (var start in new[] { 990, 0, 457, 119, 120, 121, 999, 1_000, 5_000 }.Concat(Enumerable.Range(0, 20).Select(_ => random.Next(Rows))))
        {
            var want = expected.Skip(start).Take(37).ToList();
            Assert.Equal(want, (await seeking.GetRangeAsync(start, 37, CancellationToken.None)).Select(s => s.Id));
            Assert.Equal(want, (await walking.GetRangeAsync(start, 37, CancellationToken.None)).Select(s => s.Id));
        }
        Assert.True(seeking.Seeks > 0);
    }

    private static KeysetWindow<Snapshot> Window(DogMonitorApp app, bool seek) => new(
        async (cursor, limit, ct) =>
        {
            await using var scope = await app.ScopeOfAsync();
            return await scope.ServiceProvider.GetRequiredService<SnapshotService>().ListAsync(new ListQuery(limit, cursor, null, null, null, null), ct);
        },
        seek ? async (cursor, skip, ct) =>
        {
            await using var scope = await app.ScopeOfAsync();
            return await scope.ServiceProvider.GetRequiredService<SnapshotService>().SeekAsync(new ListQuery(1, cursor, null, null, null, null), skip, ct);
        } : null,
        pageSize: 40, maxCachedPages: 3);

    private static async Task<List<Guid>> AllAsync(DogMonitorApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DogMonitorDbContext>().Snapshots
            .OrderByDescending(s => s.Timestamp).ThenByDescending(s => s.Id).Select(s => s.Id).ToListAsync();
    }

    private static async Task SeedAsync(DogMonitorApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DogMonitorDbContext>();
        var start = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        for (var i = 0; i < Rows; i++)
        {
            var id = Guid.NewGuid(); // random ids: ties are not in insertion order
            db.Snapshots.Add(new Snapshot
            {
                Id = id, OwnerId = app.OwnerId, CameraId = "test-pattern", Timestamp = start.AddSeconds(i / 7), Labels = ["tie"],
                ContentType = "image/jpeg", Width = 64, Height = 36, SizeBytes = 1,
                ImageKey = $"snapshots/{id:N}/image.jpg", ThumbnailKey = $"snapshots/{id:N}/thumbnail.jpg", CreatedAt = start,
            });
        }
        await db.SaveChangesAsync();
    }
}

public sealed class KeysetSeekOnEmbeddedDefault(EmbeddedEnvironment environment)
    : KeysetSeekTests(environment), IClassFixture<EmbeddedEnvironment>;

public sealed class KeysetSeekOnPostgresAndS3(ProductionEnvironment environment)
    : KeysetSeekTests(environment), IClassFixture<ProductionEnvironment>;
