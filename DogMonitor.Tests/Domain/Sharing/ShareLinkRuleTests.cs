using DogMonitor.Domain.Persistence;
using DogMonitor.Domain.Sharing;
using DogMonitor.Tests.Infrastructure;
using DogMonitor.Tests.Web.Components;
using DogMonitor.Tests.Web.Downloads;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DogMonitor.Tests.Domain.Sharing;

/// <summary>A link opens exactly one clip or one snapshot: the database refuses anything else, on both providers.</summary>
public abstract class ShareLinkRuleTests(AppEnvironment environment)
{
    [Theory]
    [InlineData(false, false)]
    [InlineData(true, true)]
    public async Task ALinkToNeitherOrBothIsRefused(bool clip, bool snapshot)
    {
        var (clipId, snapshotId) = await ItemsAsync();

        var error = await Assert.ThrowsAsync<DbUpdateException>(() => AddAsync(clip ? clipId : null, snapshot ? snapshotId : null));

        Assert.Contains("ck_share_links_exactly_one_item", error.InnerException?.Message ?? error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task ALinkToExactlyOneItemIsKept(bool clip)
    {
        var (clipId, snapshotId) = await ItemsAsync();

        var id = await AddAsync(clip ? clipId : null, clip ? null : snapshotId);

        await using var scope = environment.App.Services.CreateAsyncScope();
        var stored = await scope.ServiceProvider.GetRequiredService<DogMonitorDbContext>().ShareLinks.SingleAsync(l => l.Id == id);
        Assert.Equal(clip ? clipId : null, stored.ClipId);
        Assert.Equal(clip ? null : snapshotId, stored.SnapshotId);
    }

    private async Task<(Guid ClipId, Guid SnapshotId)> ItemsAsync() =>
        ((await StoredClips.AddAsync(environment.App, storeObjects: false)).Id, (await GallerySeed.SnapshotAsync(environment.App, "shared")).Id);

    private async Task<Guid> AddAsync(Guid? clipId, Guid? snapshotId)
    {
        await using var scope = environment.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DogMonitorDbContext>();
        var link = new ShareLink
        {
            Id = Guid.CreateVersion7(),
            ClipId = clipId,
            SnapshotId = snapshotId,
            OwnerId = "local",
            TokenHash = ShareTokens.Hash(ShareTokens.New()),
            CreatedAt = DateTime.UtcNow,
            ExpiresAt = DateTime.UtcNow.AddHours(1),
        };
        db.ShareLinks.Add(link);
        await db.SaveChangesAsync();
        return link.Id;
    }
}

public sealed class ShareLinkRuleOnSqlite(EmbeddedEnvironment environment)
    : ShareLinkRuleTests(environment), IClassFixture<EmbeddedEnvironment>;

public sealed class ShareLinkRuleOnPostgres(ProductionEnvironment environment)
    : ShareLinkRuleTests(environment), IClassFixture<ProductionEnvironment>;
