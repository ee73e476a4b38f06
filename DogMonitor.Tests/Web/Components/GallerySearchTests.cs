using Bunit;
using DogMonitor.Domain.Clips;
using DogMonitor.Tests.Infrastructure;
using DogMonitor.Web.Components.Gallery;
using DogMonitor.Web.Components.Pages;
using DogMonitor.Web.Components.Shared;

namespace DogMonitor.Tests.Web.Components;

/// <summary>
/// The gallery's search box and label suggestions over the real services of an embedded app: both tabs and their
/// counts follow the search, a text with nothing to look for says why, and the label fields suggest the owner's
/// labels, most used first.
/// </summary>
public sealed class GallerySearchTests(EmbeddedEnvironment environment) : MudTestContext(environment)
{
    private static readonly TimeSpan Debounced = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task TheSearchBoxNarrowsBothTabsAndTheirCounts()
    {
        await UseFreshAppAsync();
        await GallerySeed.SnapshotAsync(App, "Playing ball in the garden", "fetch");
        await GallerySeed.SnapshotAsync(App, "Asleep on the sofa", "nap");
        await GallerySeed.ClipAsync(App, ClipStatus.Ready, note: "Ball in the kitchen");
        var gallery = Render<Gallery>();
        gallery.WaitForAssertion(() => Assert.Equal(2, gallery.FindAll("[data-testid=snapshot-card]").Count));

        gallery.Find("input[data-testid=filter-search]").Input("gar bal");

        gallery.WaitForAssertion(() => Assert.Equal(["Snapshots (1)", "Clips (0)"], Tabs(gallery)), Debounced);
        gallery.WaitForAssertion(() => Assert.Contains("Playing ball in the garden", gallery.Find("[data-testid=snapshot-card]").TextContent));
        Assert.Contains("Filters (on)", gallery.Markup);

        gallery.Find("input[data-testid=filter-search]").Input("ball");
        gallery.WaitForAssertion(() => Assert.Equal(["Snapshots (1)", "Clips (1)"], Tabs(gallery)), Debounced);

        gallery.Find("input[data-testid=filter-search]").Input("cat");
        gallery.WaitForAssertion(() => Assert.Contains("Nothing matches these filters", gallery.Find("[data-testid=gallery-empty]").TextContent), Debounced);
    }

    [Fact]
    public async Task ASearchWithNothingToLookForSaysWhyAndKeepsTheCards()
    {
        await UseFreshAppAsync();
        await GallerySeed.SnapshotAsync(App, "Playing ball in the garden", "fetch");
        var filters = Render<GalleryFilters>(p => p.Add(f => f.Value, new GalleryFilter()));

        filters.Find("input[data-testid=filter-search]").Input("&&&");

        filters.WaitForAssertion(() => Assert.Contains("no letters or digits to look for", filters.Markup), Debounced);
        Assert.Contains("mud-input-error", filters.Markup);
    }

    [Fact]
    public async Task TheLabelFilterSuggestsTheOwnersLabelsMostUsedFirst()
    {
        await UseFreshAppAsync();
        await GallerySeed.SnapshotAsync(App, "one", "fetch");
        await GallerySeed.SnapshotAsync(App, "two", "fetch", "feeding");
        await GallerySeed.SnapshotAsync(App, "three", "nap");
        var chosen = new List<GalleryFilter>();
        var filters = Render<GalleryFilters>(p => p.Add(f => f.Value, new GalleryFilter()).Add(f => f.ValueChanged, chosen.Add));

        filters.Find("input[data-testid=filter-label]").Input("fe");

        // The list renders into the popover provider; the field re-renders as it opens.
        filters.WaitForAssertion(() => Assert.Equal(2, Popovers.FindAll("[data-testid=label-suggestion]").Count), Debounced);
        var suggestions = Popovers.FindAll("[data-testid=label-suggestion]").Select(s => s.TextContent.Trim()).ToList();
        Assert.StartsWith("fetch", suggestions[0]);
        Assert.EndsWith("used 2 times", suggestions[0]);
        Assert.StartsWith("feeding", suggestions[1]);
        Assert.EndsWith("used once", suggestions[1]);

        Popovers.FindAll(".mud-list-item")[0].Click();
        filters.WaitForAssertion(() => Assert.Contains(chosen, f => f.Label == "fetch"));
    }

    [Fact]
    public async Task ALabelListCompletesItsLastLabelAndOffersNothingTwice()
    {
        await UseFreshAppAsync();
        await GallerySeed.SnapshotAsync(App, "one", "zoomies", "zen");
        string? text = null;
        var field = Render<LabelField>(p => p
            .Add(f => f.Multiple, true)
            .Add(f => f.TextChanged, changed => text = changed)
            .Add(f => f.Label, "Labels, separated by commas"));

        field.Find("input").Input("zoomies, z");

        field.WaitForAssertion(() => Assert.Single(Popovers.FindAll("[data-testid=label-suggestion]")), Debounced);
        Assert.StartsWith("zen", Popovers.Find("[data-testid=label-suggestion]").TextContent.Trim());
        Popovers.Find(".mud-list-item").Click();
        field.WaitForAssertion(() => Assert.Equal("zoomies, zen, ", text));
    }

    private static List<string> Tabs(IRenderedComponent<Gallery> gallery) =>
        [.. gallery.FindAll(".mud-tab").Select(t => t.TextContent.Trim())];
}
