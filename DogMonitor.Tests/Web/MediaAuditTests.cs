using DogMonitor.Domain.Clips;
using DogMonitor.Domain.Storage;
using DogMonitor.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace DogMonitor.Tests.Web;

/// <summary>
/// The media audit on a seeded store: objects no row names are counted, and removed once older than the grace period;
/// a ready clip whose video is gone is marked failed with the reason; what is whole is left alone.
/// </summary>
public abstract class MediaAuditTests(AppEnvironment environment)
{
    [Fact]
    public async Task OrphansAreCountedThenRemovedAfterTheirGrace_AndAClipWithoutItsVideoFails()
    {
        var app = await environment.StartAppAsync("audit", settings =>
        {
            settings["MediaAudit:OrphanGrace"] = "00:00:03";
            settings["MediaAudit:Interval"] = "1.00:00:00"; // the sweeper's first round is a minute away: only this test audits
        });
        var client = app.CreateClient();
        var store = app.Services.GetRequiredService<IMediaStore>();
        Assert.Equal(System.Net.HttpStatusCode.Created, (await client.PostJsonAsync("/api/snapshots", ApiClient.SnapshotBody(note: "kept"))).StatusCode);
        var whole = await ClipRows.InsertAsync(app, ClipStatus.Ready, attempts: 1, lease: null, start: DateTime.UtcNow.AddMinutes(-5));
        await PutAsync(store, ClipKeys.Video(whole), ClipKeys.Preview(whole));
        var lost = await ClipRows.InsertAsync(app, ClipStatus.Ready, attempts: 1, lease: null, start: DateTime.UtcNow.AddMinutes(-4));
        await PutAsync(store, ClipKeys.Preview(lost)); // its video was lost
        // Uploads whose rows were never written (a crash between the two).
        var orphans = new[] { MediaKeys.SnapshotImage(Guid.NewGuid(), "jpg"), ClipKeys.Video(Guid.NewGuid()), ClipKeys.Preview(Guid.NewGuid()) };
        await PutAsync(store, orphans);
        var before = await AppEnvironment.ObjectKeysAsync(app);

        var counted = await (await client.GetAsync("/api/admin/media-audit")).ReadJsonAsync();
        Assert.Equal((3, 0, 1, 0, 0, false), Figures(counted));
        Assert.Equal(before, await AppEnvironment.ObjectKeysAsync(app)); // counting changes nothing

        var young = await (await client.PostAsync("/api/admin/media-audit", null)).ReadJsonAsync();
        Assert.Equal((3, 0, 1, 1, 0, true), Figures(young)); // too young to remove; the clip fails at once
        var clip = await (await client.GetAsync($"/api/clips/{lost}")).ReadJsonAsync();
        Assert.Equal("failed", (string?)clip["status"]);
        Assert.Equal(ClipRules.MediaMissing(store.Description), (string?)clip["error"]);

        await Task.Delay(TimeSpan.FromSeconds(4)); // past the grace period
        var repaired = await (await client.PostAsync("/api/admin/media-audit", null)).ReadJsonAsync();
        Assert.Equal((3, 3, 0, 0, 0, true), Figures(repaired));
        Assert.Equal(before.Except(orphans).Order(StringComparer.Ordinal), (await AppEnvironment.ObjectKeysAsync(app)).Order(StringComparer.Ordinal));
        Assert.Equal("ready", (string?)(await (await client.GetAsync($"/api/clips/{whole}")).ReadJsonAsync())["status"]);

        var after = await (await client.GetAsync("/api/admin/media-audit")).ReadJsonAsync();
        Assert.Equal((0, 0, 0, 0, 0, false), Figures(after));
    }

    [Fact]
    public async Task AStripIsOneOfItsClipsObjects_AndAClipThatLostOnlyItsStripKeepsPlayingWithItsStill()
    {
        var app = await environment.StartAppAsync("audit-strips", settings => settings["MediaAudit:Interval"] = "1.00:00:00");
        var client = app.CreateClient();
        var store = app.Services.GetRequiredService<IMediaStore>();
        var whole = await ClipRows.InsertAsync(app, ClipStatus.Ready, attempts: 1, lease: null, start: DateTime.UtcNow.AddMinutes(-5), withSprite: true);
        await PutAsync(store, ClipKeys.All(whole).ToArray());
        var stripLost = await ClipRows.InsertAsync(app, ClipStatus.Ready, attempts: 1, lease: null, start: DateTime.UtcNow.AddMinutes(-4), withSprite: true);
        await PutAsync(store, ClipKeys.Video(stripLost), ClipKeys.Preview(stripLost));

        var counted = await (await client.GetAsync("/api/admin/media-audit")).ReadJsonAsync();
        Assert.Equal((0, 0, 0, 0, 0, false), Figures(counted)); // the strip is its clip's, not an orphan
        Assert.Equal(1, (int)counted["clip_sprites_missing"]!);
        var repaired = await (await client.PostAsync("/api/admin/media-audit", null)).ReadJsonAsync();
        Assert.Equal((1, true), ((int)repaired["clip_sprites_missing"]!, (bool)repaired["repaired"]!));

        var lost = await (await client.GetAsync($"/api/clips/{stripLost}")).ReadJsonAsync();
        Assert.Equal(("ready", null), ((string?)lost["status"], (string?)lost["preview_sprite_url"]));
        Assert.NotNull((string?)(await (await client.GetAsync($"/api/clips/{whole}")).ReadJsonAsync())["preview_sprite_url"]);
        Assert.Equal(0, (int)(await (await client.GetAsync("/api/admin/media-audit")).ReadJsonAsync())["clip_sprites_missing"]!);
        // Deleting the clip deletes its strip with its video and preview.
        Assert.Equal(System.Net.HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/clips/{whole}")).StatusCode);
        Assert.Empty(await store.ListAsync($"clips/{whole:N}/", CancellationToken.None));
    }

    private static (int Orphans, int Removed, int ClipsMissing, int Marked, int SnapshotsMissing, bool Repaired) Figures(System.Text.Json.Nodes.JsonObject report) =>
        ((int)report["orphan_objects"]!, (int)report["orphan_objects_removed"]!, (int)report["clips_missing_media"]!, (int)report["clips_marked_failed"]!,
            (int)report["snapshots_missing_media"]!, (bool)report["repaired"]!);

    private static async Task PutAsync(IMediaStore store, params string[] keys)
    {
        foreach (var key in keys)
        {
            using var content = new MemoryStream("not really media"u8.ToArray());
            await store.PutAsync(key, content, content.Length, key.EndsWith(".jpg", StringComparison.Ordinal) ? "image/jpeg" : "video/mp4", CancellationToken.None);
        }
    }
}

public sealed class MediaAuditOnEmbeddedDefault(EmbeddedEnvironment environment)
    : MediaAuditTests(environment), IClassFixture<EmbeddedEnvironment>;

public sealed class MediaAuditOnPostgresAndS3(ProductionEnvironment environment)
    : MediaAuditTests(environment), IClassFixture<ProductionEnvironment>;
