using Bunit;
using DogMonitor.Domain.Clips;
using DogMonitor.Domain.Messages;
using DogMonitor.Tests.Infrastructure;
using DogMonitor.Web.Clips;
using DogMonitor.Web.Components.Gallery;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace DogMonitor.Tests.Web.Components;

/// <summary>The gallery's tabs on their own (without the page), over the real services of an embedded app.</summary>
public sealed class GalleryTabTests(EmbeddedEnvironment environment) : MudTestContext(environment)
{
    /// <summary>Every count a tab told its page, in order.</summary>
    private readonly List<int?> _counts = [];

    private GallerySelection? _selection;

    /// <summary>The one selection the tabs of a test share, as the page's tabs do.</summary>
    private GallerySelection Selection =>
        _selection ??= new GallerySelection(Services.GetRequiredService<GalleryItems>(), Services.GetRequiredService<ISnackbar>());

    [Fact]
    public async Task UntilItsCountIsReadATabShowsTheLoadingBarAndWhy_RetryLoadsIt()
    {
        await UseFreshAppAsync();
        await GallerySeed.SnapshotAsync(App, "on the sofa");
        await AppEnvironment.ExecuteSqlAsync(App, "ALTER TABLE snapshots RENAME TO snapshots_away");

        var tab = RenderTab<SnapshotsTab, SnapshotCardModel>();

        // Said by the first count, or by the news of the snapshot seeded above if it comes after: either way, why.
        tab.WaitForAssertion(() => Assert.Contains("The database cannot be reached", tab.Find("[data-testid=gallery-error]").TextContent));
        Assert.Single(tab.FindAll(".mud-progress-linear[aria-label='Loading snapshots']"));
        Assert.Equal([null], _counts);
        await AppEnvironment.ExecuteSqlAsync(App, "ALTER TABLE snapshots_away RENAME TO snapshots");

        tab.FindAll("[data-testid=gallery-error] button").Single(b => b.TextContent.Contains("Retry")).Click();

        tab.WaitForAssertion(() => Assert.Single(tab.FindAll("[data-testid=snapshot-card]")));
        Assert.Empty(tab.FindAll("[data-testid=gallery-error]"));
        Assert.Empty(tab.FindAll(".mud-progress-linear"));
        Assert.Equal(1, _counts[^1]);
    }

    [Fact]
    public async Task AnEmptyTabSaysWhereItsItemsComeFrom()
    {
        await UseFreshAppAsync();

        var snapshots = RenderTab<SnapshotsTab, SnapshotCardModel>();
        var clips = RenderTab<ClipsTab, ClipCardModel>();

        snapshots.WaitForAssertion(() => Assert.Contains("No snapshots yet", snapshots.Find("[data-testid=gallery-empty]").TextContent));
        clips.WaitForAssertion(() => Assert.Contains("No clips yet", clips.Find("[data-testid=gallery-empty]").TextContent));
        Assert.Equal([0, 0], _counts);
    }

    [Fact]
    public async Task AFilterThatMatchesNothingOffersToClearIt_AndANewFilterIsReadAgain()
    {
        await UseFreshAppAsync();
        await GallerySeed.ClipAsync(App, ClipStatus.Ready); // labelled "zoomies"
        var cleared = false;

        var tab = RenderTab<ClipsTab, ClipCardModel>(new GalleryFilter(Label: "bath"), onClearFilters: () => cleared = true);

        tab.WaitForAssertion(() => Assert.Contains("Nothing matches these filters", tab.Find("[data-testid=gallery-empty]").TextContent));
        tab.FindAll("[data-testid=gallery-empty] button").Single(b => b.TextContent.Contains("Clear filters")).Click();
        Assert.True(cleared);

        tab.Render(p => p.Add(t => t.Filter, new GalleryFilter(Label: "zoomies")));

        tab.WaitForAssertion(() => Assert.Single(tab.FindAll("[data-testid=clip-card]")));
        Assert.Equal([0, 1], _counts);
    }

    [Fact]
    public async Task ASnapshotStoredElsewhereIsCountedAndShownAtTheTop_AnotherUsersIsNot()
    {
        await UseFreshAppAsync();
        await GallerySeed.SnapshotAsync(App, "first");
        var tab = RenderTab<SnapshotsTab, SnapshotCardModel>();
        tab.WaitForAssertion(() => Assert.Single(tab.FindAll("[data-testid=snapshot-card]")));
        var other = await TestAccounts.CreateUserAsync(App.Services, "other@dogmonitor.test", cameras: ["test-pattern"]);

        await GallerySeed.SnapshotOfAsync(App, other.Id, "not yours");
        await GallerySeed.SnapshotAsync(App, "just taken");

        tab.WaitForAssertion(() => Assert.Equal(2, tab.FindAll("[data-testid=snapshot-card]").Count), TimeSpan.FromSeconds(10));
        Assert.Contains("just taken", tab.FindAll("[data-testid=snapshot-card]")[0].TextContent);
        Assert.DoesNotContain("not yours", tab.Markup, StringComparison.Ordinal);
        Assert.Equal(2, _counts[^1]);
    }

    [Fact]
    public async Task AStatusEventChangesAClipCard_AndANewClipComesOnTop()
    {
        await UseFreshAppAsync();
        var clip = await GallerySeed.ClipAsync(App, ClipStatus.Queued);
        var tab = RenderTab<ClipsTab, ClipCardModel>();
        tab.WaitForAssertion(() => Assert.Equal("Queued", tab.Find("[data-testid=clip-status]").TextContent.Trim()));
        var feed = App.Services.GetRequiredService<ClipStatusFeed>();

        await feed.PublishAsync(ClipEvents.Processing(clip, 30, DateTime.UtcNow));
        tab.WaitForAssertion(() => Assert.Equal("Cutting 30 %", tab.Find("[data-testid=clip-status]").TextContent.Trim()));
        Assert.Equal([1], _counts); // news of a card it shows is not a new item

        var made = await GallerySeed.ClipAsync(App, ClipStatus.Queued, note: "just now");
        await feed.PublishAsync(ClipEvents.Queued(made, DateTime.UtcNow));

        tab.WaitForAssertion(() => Assert.Equal(2, tab.FindAll("[data-testid=clip-card]").Count));
        Assert.Contains("just now", tab.FindAll("[data-testid=clip-card]")[0].TextContent);
        Assert.Equal([1, 2], _counts);
    }

    [Fact]
    public async Task ANewClipIsCountedEvenWhenTheGridReadItsCardBeforeItsNewsCame()
    {
        await UseFreshAppAsync();
        await GallerySeed.ClipAsync(App, ClipStatus.Ready);
        var tab = RenderTab<ClipsTab, ClipCardModel>(active: false);
        tab.WaitForAssertion(() => Assert.Equal([1], _counts));

        // A clip made elsewhere whose row the grid reads before its news comes (two clips made in quick succession do
        // the same: the news of the first counts, and the grid reads, in between the second's row and its news).
        var made = await GallerySeed.ClipAsync(App, ClipStatus.Queued, note: "just now");
        tab.Render(p => p.Add(t => t.Active, true));
        tab.WaitForAssertion(() => Assert.Equal(2, tab.FindAll("[data-testid=clip-card]").Count));
        Assert.Contains("just now", tab.Find("[data-testid=clip-card]").TextContent);

        await App.Services.GetRequiredService<ClipStatusFeed>().PublishAsync(ClipEvents.Queued(made, DateTime.UtcNow));

        tab.WaitForAssertion(() => Assert.Equal([1, 2], _counts));
    }

    [Fact]
    public async Task AClipGoneElsewhere_LeavesTheGridTheCountAndTheSelection()
    {
        await UseFreshAppAsync();
        await GallerySeed.ClipAsync(App, ClipStatus.Ready, note: "kept");
        var replaced = await GallerySeed.ClipAsync(App, ClipStatus.Ready, note: "replaced");
        var tab = RenderTab<ClipsTab, ClipCardModel>();
        tab.WaitForAssertion(() => Assert.Equal(2, tab.FindAll("[data-testid=clip-card]").Count));
        tab.Find("[data-testid=clip-card] input[type=checkbox]").Change(true);
        Assert.True(Selection.IsSelected(replaced.Id));

        // As a worker does when a trim takes a clip's place: the row goes, then the news.
        await using (var scope = App.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<DogMonitor.Domain.Persistence.DogMonitorDbContext>().Clips
                .Where(c => c.Id == replaced.Id).ExecuteDeleteAsync();
        await App.Services.GetRequiredService<ClipDeletedFeed>().PublishAsync(ClipEvents.Replaced(new OwnedClip(replaced.Id, replaced.OwnerId, replaced.CameraId), DateTime.UtcNow));

        tab.WaitForAssertion(() => Assert.Single(tab.FindAll("[data-testid=clip-card]")));
        Assert.Contains("kept", tab.Find("[data-testid=clip-card]").TextContent);
        Assert.Equal([2, 1], _counts);
        Assert.False(Selection.IsSelected(replaced.Id));
    }

    [Fact]
    public async Task ATabThatIsNotOpenShowsNoGridButKeepsItsCount()
    {
        await UseFreshAppAsync();
        await GallerySeed.SnapshotAsync(App, "first");

        var tab = RenderTab<SnapshotsTab, SnapshotCardModel>(active: false);
        // The news of the snapshot seeded before the tab opened may still come after the first count and count again.
        tab.WaitForAssertion(() => Assert.Equal(1, Assert.Single(_counts.Distinct())));
        await GallerySeed.SnapshotAsync(App, "just taken");
        tab.WaitForAssertion(() => Assert.Equal(2, _counts[^1]), TimeSpan.FromSeconds(10));
        Assert.Equal([1, 2], _counts.Distinct());
        Assert.Empty(tab.FindAll("[data-testid=gallery-grid]"));

        tab.Render(p => p.Add(t => t.Active, true));

        tab.WaitForAssertion(() => Assert.Equal(2, tab.FindAll("[data-testid=snapshot-card]").Count));
    }

    [Fact]
    public async Task ACheckedCardJoinsThePagesSelection()
    {
        await UseFreshAppAsync();
        var snapshot = await GallerySeed.SnapshotAsync(App, "on the sofa");
        var clip = await GallerySeed.ClipAsync(App, ClipStatus.Ready);
        var snapshots = RenderTab<SnapshotsTab, SnapshotCardModel>();
        var clips = RenderTab<ClipsTab, ClipCardModel>();
        snapshots.WaitForAssertion(() => Assert.Single(snapshots.FindAll("[data-testid=snapshot-card]")));
        clips.WaitForAssertion(() => Assert.Single(clips.FindAll("[data-testid=clip-card]")));

        snapshots.Find("[data-testid=snapshot-card] input[type=checkbox]").Change(true);
        clips.Find("[data-testid=clip-card] input[type=checkbox]").Change(true);

        Assert.Equal(2, Selection.Count);
        Assert.True(Selection.IsSelected(snapshot.Id));
        Assert.True(Selection.IsSelected(clip.Id));
        snapshots.WaitForAssertion(() => Assert.Contains("dm-card-selected", snapshots.Find("[data-testid=snapshot-card]").ClassName));
    }

    private IRenderedComponent<TTab> RenderTab<TTab, TCard>(GalleryFilter? filter = null, bool active = true, Action? onClearFilters = null)
        where TTab : GalleryTab<TCard>
    {
        return Render<TTab>(p => p
            .Add(t => t.Active, active)
            .Add(t => t.Filter, filter ?? new GalleryFilter())
            .Add(t => t.Selection, Selection)
            .Add(t => t.CountChanged, (int? count) => _counts.Add(count))
            .Add(t => t.OnClearFilters, onClearFilters ?? (() => { })));
    }
}
