using Bunit;
using DogMonitor.Domain.Clips;
using DogMonitor.Tests.Infrastructure;
using DogMonitor.Web.Components.Gallery;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace DogMonitor.Tests.Web.Components;

/// <summary>The gallery's selection on its own, over the real services of an embedded app.</summary>
public sealed class GallerySelectionTests(EmbeddedEnvironment environment) : MudTestContext(environment)
{
    private int _changes;

    [Fact]
    public async Task SnapshotsAndReadyClipsFromBothTabsMakeOneSelectionAndOneZip()
    {
        await UseFreshAppAsync();
        var selection = NewSelection();
        var snapshot = Guid.NewGuid();
        var ready = Card(ClipStatus.Ready);
        var cutting = Card(ClipStatus.Processing);

        selection.SelectSnapshot(snapshot, true);
        selection.SelectClip(ready, true);
        selection.SelectClip(cutting, true); // nothing to download yet: not selected

        Assert.Equal(2, selection.Count);
        Assert.Equal("2 items selected", selection.Text);
        Assert.True(selection.IsSelected(snapshot));
        Assert.True(selection.IsSelected(ready.Id));
        Assert.False(selection.IsSelected(cutting.Id));
        Assert.Equal($"/api/downloads.zip?snapshot_id={snapshot}&clip_id={ready.Id}", selection.ZipUrl);

        selection.SelectSnapshot(snapshot, false);

        Assert.Equal("1 item selected", selection.Text);
        Assert.Equal($"/api/downloads.zip?clip_id={ready.Id}", selection.ZipUrl);
        Assert.Equal(4, _changes);
    }

    [Fact]
    public async Task ASelectionHoldsOneZipsWorthAndSaysSoWhenFull()
    {
        await UseFreshAppAsync();
        var selection = NewSelection();
        for (var i = 0; i < GallerySelection.MaxItems; i++) selection.SelectSnapshot(Guid.NewGuid(), true);
        var oneTooMany = Card(ClipStatus.Ready);

        selection.SelectClip(oneTooMany, true);

        Assert.Equal(GallerySelection.MaxItems, selection.Count);
        Assert.False(selection.IsSelected(oneTooMany.Id));
        Snackbars.WaitForAssertion(() => Assert.Contains("A selection holds at most 100 items, as many as one zip takes.", Snackbars.Markup));
    }

    [Fact]
    public async Task ClearLetsEverythingGoAndTellsThePage()
    {
        await UseFreshAppAsync();
        var selection = NewSelection();
        selection.SelectSnapshot(Guid.NewGuid(), true);
        selection.SelectClip(Card(ClipStatus.Ready), true);

        selection.Clear();

        Assert.Equal(0, selection.Count);
        Assert.Equal("/api/downloads.zip?", selection.ZipUrl);
        Assert.Equal(3, _changes);
    }

    [Fact]
    public async Task DeletingTheSelectionDeletesThroughTheServicesAndEmptiesIt()
    {
        await UseFreshAppAsync();
        await GallerySeed.SnapshotAsync(App, "kept");
        var snapshot = await GallerySeed.SnapshotAsync(App, "selected");
        var clip = await GallerySeed.ClipAsync(App, ClipStatus.Ready);
        var selection = NewSelection();
        selection.SelectSnapshot(snapshot.Id, true);
        selection.SelectClip(await Items.ToCardAsync(clip, CancellationToken.None), true);

        var deletion = await selection.DeleteSelectedAsync(CancellationToken.None);

        Assert.Equal(new GalleryDeletion(2, 2, null), deletion);
        Assert.Equal("2 items deleted.", deletion.DoneText);
        Assert.Null(deletion.ShortfallText);
        Assert.Equal(0, selection.Count);
        Assert.Equal(1, await AppEnvironment.SnapshotRowsAsync(App));
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await App.CreateClient().GetAsync($"/api/clips/{clip.Id}")).StatusCode);
    }

    [Fact]
    public async Task ADeleteThatFailsKeepsWhatIsLeftSelectedAndSaysHowFarItGot()
    {
        await UseFreshAppAsync();
        var snapshot = await GallerySeed.SnapshotAsync(App, "selected");
        var clip = await GallerySeed.ClipAsync(App, ClipStatus.Ready);
        var selection = NewSelection();
        selection.SelectSnapshot(snapshot.Id, true);
        selection.SelectClip(await Items.ToCardAsync(clip, CancellationToken.None), true);
        await AppEnvironment.ExecuteSqlAsync(App, "ALTER TABLE clips RENAME TO clips_away");

        var deletion = await selection.DeleteSelectedAsync(CancellationToken.None);

        await AppEnvironment.ExecuteSqlAsync(App, "ALTER TABLE clips_away RENAME TO clips");
        Assert.Equal((1, 2), (deletion.Deleted, deletion.Asked));
        Assert.NotNull(deletion.Failure);
        Assert.Equal("Deleted 1 of 2; the rest are kept and still selected.", deletion.ShortfallText);
        Assert.False(selection.IsSelected(snapshot.Id));
        Assert.True(selection.IsSelected(clip.Id));
        Assert.Equal(0, await AppEnvironment.SnapshotRowsAsync(App));
        Assert.Equal(System.Net.HttpStatusCode.OK, (await App.CreateClient().GetAsync($"/api/clips/{clip.Id}")).StatusCode);
    }

    private GalleryItems Items => Services.GetRequiredService<GalleryItems>();

    private GallerySelection NewSelection()
    {
        var selection = new GallerySelection(Items, Services.GetRequiredService<ISnackbar>());
        selection.Changed += () => _changes++;
        return selection;
    }

    private static ClipCardModel Card(ClipStatus status) =>
        new(new Clip { Id = Guid.NewGuid(), OwnerId = "someone", CameraId = "test-pattern", Status = status }, "Test pattern");
}
