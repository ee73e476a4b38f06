using DogMonitor.Domain.Persistence;
using DogMonitor.Domain.Snapshots;
using DogMonitor.Domain.Storage;
using DogMonitor.Tests.Infrastructure;
using DogMonitor.Tests.Web.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace DogMonitor.Tests.Browser;

/// <summary>A gallery of 10,000 snapshots in a real browser: scrolling to the end keeps the DOM small.</summary>
[Collection(BrowserCollection.Name)]
public sealed class GalleryScaleTests(EmbeddedEnvironment environment) : IClassFixture<EmbeddedEnvironment>
{
    private const int Items = 10_000;

    [Fact]
    public async Task ScrollingToTheEndOf10000SnapshotsKeepsTheCardsInTheDomBounded()
    {
        var port = FreePort.Next();
        var app = await environment.StartAppAsync("scale", kestrelPort: port);
        await SeedAsync(app);
        await using var browser = await BrowserSession.StartAsync();
        var page = await browser.NewPageAsync($"http://127.0.0.1:{port}");
        var started = System.Diagnostics.Stopwatch.StartNew();
        await page.GotoAsync($"http://127.0.0.1:{port}/gallery");
        await GalleryBrowserTests.WaitForCircuitAsync(page);
        await Assertions.Expect(page.GetByText($"Snapshots ({Items:N0})")).ToBeVisibleAsync();

        // Jump down in big steps, as a scrollbar drag does, then to the very end.
        var most = 0;
        for (var step = 1; step <= 10; step++)
        {
            await page.EvaluateAsync($"() => window.scrollTo(0, document.documentElement.scrollHeight * {step} / 10)");
            await GalleryBrowserTests.WaitForAsync(page, "() => document.querySelectorAll('[data-testid=snapshot-card]').length > 0", $"cards at step {step}");
            most = Math.Max(most, await page.Locator("[data-testid=snapshot-card]").CountAsync());
        }
        var oldest = page.GetByTestId("snapshot-card").Filter(new LocatorFilterOptions { HasText = "item 00000" });
        for (var tries = 0; tries < 20 && await oldest.CountAsync() == 0; tries++)
        {
            await page.EvaluateAsync("() => window.scrollTo(0, document.documentElement.scrollHeight)");
            await page.WaitForTimeoutAsync(250);
        }
        await Assertions.Expect(oldest).ToBeVisibleAsync(new LocatorAssertionsToBeVisibleOptions { Timeout = 10_000 });
        most = Math.Max(most, await page.Locator("[data-testid=snapshot-card]").CountAsync());

        var total = await page.Locator("*").CountAsync();
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{Items:N0} snapshots: the end reached {started.Elapsed.TotalSeconds:0.0} s after opening; at most {most} cards in the DOM, {total} elements at the end");
        // A 900 px window shows about three rows of four; with the overscan either side that is a few dozen cards, never thousands.
        Assert.InRange(most, 4, 60);
        // Only the thumbnails of cards that were on screen (or just beside it) were fetched: 10,000 URLs, a few hundred requests.
        var images = await page.EvaluateAsync<int>("() => new Set(performance.getEntriesByType('resource').filter(r => r.initiatorType === 'img').map(r => r.name)).size");
        Assert.InRange(images, 12, 400);
        TestContext.Current.TestOutputHelper?.WriteLine($"{images} thumbnails fetched while scrolling");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Chromium.ScreenshotPath("gallery-10000-end.png") });
    }

    /// <summary>
    /// One snapshot made by the app, and 9,999 rows written directly, each with its own thumbnail object (the same
    /// bytes), so every card has a URL of its own and the count of thumbnails fetched means something.
    /// </summary>
    private static async Task SeedAsync(DogMonitorApp app)
    {
        var first = await GallerySeed.SnapshotAsync(app, "item 00000");
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DogMonitorDbContext>();
        var store = scope.ServiceProvider.GetRequiredService<IMediaStore>();
        byte[] thumbnail;
        await using (var stored = await store.OpenReadAsync(first.ThumbnailKey, CancellationToken.None))
        {
            using var copy = new MemoryStream();
            await stored!.Content.CopyToAsync(copy);
            thumbnail = copy.ToArray();
        }
        var start = first.Timestamp;
        for (var i = 1; i < Items; i++)
        {
            var id = Guid.CreateVersion7();
            var thumbnailKey = $"snapshots/{id:N}/thumbnail.jpg";
            await store.PutAsync(thumbnailKey, new MemoryStream(thumbnail, writable: false), thumbnail.Length, "image/jpeg", CancellationToken.None);
            db.Snapshots.Add(new Snapshot
            {
                Id = id,
                OwnerId = first.OwnerId,
                CameraId = first.CameraId,
                Timestamp = start.AddSeconds(i),
                Labels = ["scale"],
                Note = $"item {i:D5}",
                ContentType = first.ContentType,
                Width = first.Width,
                Height = first.Height,
                SizeBytes = first.SizeBytes,
                ImageKey = first.ImageKey,
                ThumbnailKey = thumbnailKey,
                CreatedAt = first.CreatedAt,
            });
        }
        await db.SaveChangesAsync();
    }
}
