using Bunit;
using DogMonitor.Domain.Clips;
using DogMonitor.Domain.Messages;
using DogMonitor.Tests.Infrastructure;
using DogMonitor.Web.Clips;
using DogMonitor.Web.Components.Pages;
using Microsoft.Extensions.DependencyInjection;

namespace DogMonitor.Tests.Web.Components;

/// <summary>The gallery page rendered by bunit over the real services of an embedded app.</summary>
public sealed class GalleryPageTests(EmbeddedEnvironment environment) : MudTestContext(environment)
{
    [Fact]
    public async Task TabsShowTheirCountsAndTheSnapshotCards()
    {
        await UseFreshAppAsync();
        await GallerySeed.SnapshotAsync(App, "on the sofa", "nap");
        await GallerySeed.SnapshotAsync(App, "at the door", "waiting");
        await GallerySeed.ClipAsync(App, ClipStatus.Ready);

        var gallery = Render<Gallery>();

        gallery.WaitForAssertion(() => Assert.Equal(2, gallery.FindAll("[data-testid=snapshot-card]").Count));
        var tabs = gallery.FindAll(".mud-tab").Select(t => t.TextContent.Trim()).ToList();
        Assert.Equal(["Snapshots (2)", "Clips (1)"], tabs);
        var cards = gallery.FindAll("[data-testid=snapshot-card]");
        Assert.Contains("at the door", cards[0].TextContent); // newest first
        Assert.Contains("waiting", cards[0].TextContent);
        Assert.All(gallery.FindAll("[data-testid=snapshot-card] img"), img => Assert.StartsWith("Snapshot from Test pattern", img.GetAttribute("alt")));
    }

    [Fact]
    public async Task EachClipStateHasItsChip()
    {
        await UseFreshAppAsync();
        await GallerySeed.ClipAsync(App, ClipStatus.Queued);
        await GallerySeed.ClipAsync(App, ClipStatus.Processing, progress: 40);
        await GallerySeed.ClipAsync(App, ClipStatus.Failed, error: "The recording does not cover this range.");
        await GallerySeed.ClipAsync(App, ClipStatus.Ready);

        var gallery = RenderClipsTab();

        gallery.WaitForAssertion(() => Assert.Equal(4, gallery.FindAll("[data-testid=clip-card]").Count));
        var chips = gallery.FindAll("[data-testid=clip-status]").Select(c => c.TextContent.Trim()).ToList();
        Assert.Equal(["Ready", "Failed", "Cutting 40 %", "Queued"], chips);
        Assert.Equal("The recording does not cover this range.", gallery.Find("[data-testid=clip-error]").TextContent.Trim());
        Assert.Single(gallery.FindAll("[data-testid=clip-progress]"));
        // Only a ready clip can be shared or downloaded.
        Assert.Single(gallery.FindAll("button[aria-label='Share a link to this clip']"));
    }

    [Fact]
    public async Task AStatusEventChangesTheCardWithoutAReload()
    {
        await UseFreshAppAsync();
        var clip = await GallerySeed.ClipAsync(App, ClipStatus.Queued);
        var gallery = RenderClipsTab();
        gallery.WaitForAssertion(() => Assert.Equal("Queued", gallery.Find("[data-testid=clip-status]").TextContent.Trim()));
        var feed = App.Services.GetRequiredService<ClipStatusFeed>();
        var at = DateTime.UtcNow;

        await feed.PublishAsync(new ClipStatusChanged(clip.Id, App.OwnerId, ClipStatus.Processing, 55, null, at));
        gallery.WaitForAssertion(() => Assert.Equal("Cutting 55 %", gallery.Find("[data-testid=clip-status]").TextContent.Trim()));

        // Older news arriving late changes nothing; another owner's news is not this page's.
        await feed.PublishAsync(new ClipStatusChanged(clip.Id, App.OwnerId, ClipStatus.Queued, 0, null, at.AddSeconds(-1)));
        await feed.PublishAsync(new ClipStatusChanged(clip.Id, "someone-else", ClipStatus.Failed, 0, "not yours", at.AddSeconds(1)));
        await feed.PublishAsync(new ClipStatusChanged(clip.Id, App.OwnerId, ClipStatus.Processing, 60, null, at.AddSeconds(2)));
        gallery.WaitForAssertion(() => Assert.Equal("Cutting 60 %", gallery.Find("[data-testid=clip-status]").TextContent.Trim()));

        // A worker died and the sweeper put the clip back in the queue: the card says so, and starts again.
        await feed.PublishAsync(new ClipStatusChanged(clip.Id, App.OwnerId, ClipStatus.Queued, 0, null, at.AddSeconds(3)));
        gallery.WaitForAssertion(() => Assert.Equal("Queued", gallery.Find("[data-testid=clip-status]").TextContent.Trim()));

        await feed.PublishAsync(new ClipStatusChanged(clip.Id, App.OwnerId, ClipStatus.Failed, 10, "ffmpeg exited with code 1", at.AddSeconds(4)));
        gallery.WaitForAssertion(() => Assert.Equal("ffmpeg exited with code 1", gallery.Find("[data-testid=clip-error]").TextContent.Trim()));
        Assert.Equal("clip-card", gallery.Find("[data-status=failed]").GetAttribute("data-testid"));
    }

    [Fact]
    public async Task AReadyEventGivesTheCardItsPreviewAndActions()
    {
        await UseFreshAppAsync();
        var clip = await GallerySeed.ClipAsync(App, ClipStatus.Processing, progress: 90);
        var gallery = RenderClipsTab();
        gallery.WaitForAssertion(() => Assert.Equal("Cutting 90 %", gallery.Find("[data-testid=clip-status]").TextContent.Trim()));
        Assert.Empty(gallery.FindAll("[data-testid=clip-card] img"));

        // As a worker finishes: the row first, then the event.
        await GallerySeed.MarkReadyAsync(App, clip.Id);
        await App.Services.GetRequiredService<ClipStatusFeed>()
            .PublishAsync(new ClipStatusChanged(clip.Id, App.OwnerId, ClipStatus.Ready, 100, null, DateTime.UtcNow));

        gallery.WaitForAssertion(() => Assert.Equal("Ready", gallery.Find("[data-testid=clip-status]").TextContent.Trim()));
        Assert.Contains($"{clip.Id:N}/preview.jpg", gallery.Find("[data-testid=clip-card] img").GetAttribute("src"));
        Assert.Single(gallery.FindAll("button[aria-label='Share a link to this clip']"));
        Assert.Single(gallery.FindAll($"a[href='/api/clips/{clip.Id}/download']"));
    }

    [Fact]
    public async Task AClipMadeElsewhereAppearsAtTheTop()
    {
        await UseFreshAppAsync();
        await GallerySeed.ClipAsync(App, ClipStatus.Ready);
        var gallery = RenderClipsTab();
        gallery.WaitForAssertion(() => Assert.Single(gallery.FindAll("[data-testid=clip-card]")));

        var clip = await GallerySeed.ClipAsync(App, ClipStatus.Queued, note: "just now");
        await App.Services.GetRequiredService<ClipStatusFeed>()
            .PublishAsync(ClipEvents.Queued(clip, DateTime.UtcNow));

        gallery.WaitForAssertion(() => Assert.Equal(2, gallery.FindAll("[data-testid=clip-card]").Count));
        Assert.Contains("just now", gallery.FindAll("[data-testid=clip-card]")[0].TextContent);
        Assert.Contains("Clips (2)", gallery.Markup);
    }

    [Fact]
    public async Task AClipGoingBackToTheQueue_IsNotTakenForANewOne()
    {
        await UseFreshAppAsync();
        var shown = await GallerySeed.ClipAsync(App, ClipStatus.Processing, progress: 10);
        var gallery = RenderClipsTab();
        gallery.WaitForAssertion(() => Assert.Single(gallery.FindAll("[data-testid=clip-card]")));

        // A clip this page has not loaded goes back to the queue (its worker died): news of it, but not a new clip.
        var elsewhere = await GallerySeed.ClipAsync(App, ClipStatus.Queued, note: "requeued");
        var feed = App.Services.GetRequiredService<ClipStatusFeed>();
        await feed.PublishAsync(ClipEvents.Requeued(new OwnedClip(elsewhere.Id, App.OwnerId, "test-pattern"), ClipRules.WorkerStopped, DateTime.UtcNow));
        await feed.PublishAsync(ClipEvents.Processing(shown, 20, DateTime.UtcNow)); // heard after the requeue

        gallery.WaitForAssertion(() => Assert.Equal("Cutting 20 %", gallery.Find("[data-testid=clip-status]").TextContent.Trim()));
        Assert.Contains("Clips (1)", gallery.Markup); // a new clip would have made the listing read again: "Clips (2)"
        Assert.Single(gallery.FindAll("[data-testid=clip-card]"));
    }

    [Fact]
    public async Task ASnapshotStoredElsewhereAppearsWithoutAReload()
    {
        await UseFreshAppAsync();
        await GallerySeed.SnapshotAsync(App, "first");
        var gallery = Render<Gallery>();
        gallery.WaitForAssertion(() => Assert.Single(gallery.FindAll("[data-testid=snapshot-card]")));

        // Stored through the app's service, as the API and the live page do: the news travels over the bus.
        await GallerySeed.SnapshotAsync(App, "just taken");

        gallery.WaitForAssertion(() => Assert.Equal(2, gallery.FindAll("[data-testid=snapshot-card]").Count), TimeSpan.FromSeconds(10));
        Assert.Contains("just taken", gallery.FindAll("[data-testid=snapshot-card]")[0].TextContent);
        Assert.Contains("Snapshots (2)", gallery.Markup);
    }

    [Fact]
    public async Task AnotherUsersSnapshotsAndClipEventsNeverReachThePage()
    {
        await UseFreshAppAsync();
        var clip = await GallerySeed.ClipAsync(App, ClipStatus.Queued);
        var gallery = RenderClipsTab();
        gallery.WaitForAssertion(() => Assert.Equal("Queued", gallery.Find("[data-testid=clip-status]").TextContent.Trim()));
        var other = await TestAccounts.CreateUserAsync(App.Services, "other@dogmonitor.test", cameras: ["test-pattern"]);
        var feed = App.Services.GetRequiredService<ClipStatusFeed>();

        // An event that names the owner's card but comes from another account's clip path: the page must not apply it.
        await feed.PublishAsync(new ClipStatusChanged(clip.Id, other.Id, ClipStatus.Failed, 10, "not yours", DateTime.UtcNow));
        await GallerySeed.SnapshotOfAsync(App, other.Id, "not yours either");
        // Then the owner's own news, which must arrive: the feed works, it only filtered.
        await feed.PublishAsync(new ClipStatusChanged(clip.Id, App.OwnerId, ClipStatus.Processing, 40, null, DateTime.UtcNow.AddSeconds(1)));

        gallery.WaitForAssertion(() => Assert.Contains("40", gallery.Find("[data-testid=clip-status]").TextContent));
        Assert.DoesNotContain("not yours", gallery.Markup, StringComparison.Ordinal);
        Assert.Contains("Snapshots (0)", gallery.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeleteAsksFirstAndCancelKeepsTheSnapshot()
    {
        await UseFreshAppAsync();
        await GallerySeed.SnapshotAsync(App, "keep me");
        await GallerySeed.SnapshotAsync(App, "delete me");
        var gallery = Render<Gallery>();
        gallery.WaitForAssertion(() => Assert.Equal(2, gallery.FindAll("[data-testid=snapshot-card]").Count));

        gallery.FindAll("button[aria-label='Delete this snapshot']")[0].Click();
        Dialogs.WaitForAssertion(() => Assert.Contains("Delete this snapshot?", Dialogs.Markup));
        Dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Cancel").Click();
        Dialogs.WaitForAssertion(() => Assert.DoesNotContain("Delete this snapshot?", Dialogs.Markup));
        Assert.Equal(2, await AppEnvironment.SnapshotRowsAsync(App));

        gallery.FindAll("button[aria-label='Delete this snapshot']")[0].Click();
        Dialogs.WaitForAssertion(() => Assert.Contains("Delete this snapshot?", Dialogs.Markup));
        Dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Delete").Click();

        gallery.WaitForAssertion(() => Assert.Single(gallery.FindAll("[data-testid=snapshot-card]")));
        Assert.Contains("keep me", gallery.Find("[data-testid=snapshot-card]").TextContent);
        Assert.Contains("Snapshots (1)", gallery.Markup);
        Assert.Equal(1, await AppEnvironment.SnapshotRowsAsync(App));
    }

    [Fact]
    public async Task ShareDialogMakesALinkThatOpensAndRevokesIt()
    {
        await UseFreshAppAsync();
        await GallerySeed.ClipAsync(App, ClipStatus.Ready);
        var gallery = RenderClipsTab();
        gallery.WaitForAssertion(() => Assert.Single(gallery.FindAll("[data-testid=clip-card]")));

        gallery.Find("button[aria-label='Share a link to this clip']").Click();
        Dialogs.WaitForAssertion(() => Assert.Contains("Share this clip", Dialogs.Markup));
        Assert.Contains("1 day", Dialogs.Markup); // the default expiry
        var path = CreateLinkInShareDialog();
        var client = App.CreateAnonymousClient();
        Assert.Equal(System.Net.HttpStatusCode.Redirect, (await client.GetAsync(path + "/video")).StatusCode);

        RevokeInShareDialog("clip");
        Assert.True((int)(await client.GetAsync(path + "/video")).StatusCode >= 400);
    }

    [Fact]
    public async Task ShareDialogForASnapshotMakesALinkThatOpensAndRevokesIt()
    {
        await UseFreshAppAsync();
        await GallerySeed.SnapshotAsync(App, "on the sofa", "nap");
        var gallery = Render<Gallery>();
        gallery.WaitForAssertion(() => Assert.Single(gallery.FindAll("[data-testid=snapshot-card]")));

        gallery.Find("button[aria-label='Share a link to this snapshot']").Click();
        Dialogs.WaitForAssertion(() => Assert.Contains("Share this snapshot", Dialogs.Markup));
        Assert.DoesNotContain("Share this clip", Dialogs.Markup);
        var path = CreateLinkInShareDialog();
        var client = App.CreateAnonymousClient();
        var page = await client.GetAsync(path);
        Assert.Equal(System.Net.HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("on the sofa", await page.Content.ReadAsStringAsync());

        RevokeInShareDialog("snapshot");
        Assert.Equal(System.Net.HttpStatusCode.Gone, (await client.GetAsync(path)).StatusCode);
    }

    /// <summary>Presses "Create link" in the open share dialog and returns the new link's path.</summary>
    private string CreateLinkInShareDialog()
    {
        Dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Create link").Click();
        var link = "";
        Dialogs.WaitForAssertion(() => link = Dialogs.Find("input[data-testid=share-link]").GetAttribute("value") ?? "");
        Assert.Matches(@"^http://localhost/s/[A-Za-z0-9_-]{22}$", link);
        return new Uri(link).AbsolutePath;
    }

    private void RevokeInShareDialog(string kind)
    {
        Dialogs.FindAll("button").Single(b => b.TextContent.Contains("Revoke all links")).Click();
        Dialogs.WaitForAssertion(() => Assert.Contains($"Every link to this {kind} is revoked", Dialogs.Find("[data-testid=share-message]").TextContent));
    }

    [Fact]
    public async Task ASelectionDownloadsAsOneZipAndIsDeletedTogether()
    {
        await UseFreshAppAsync();
        var first = await GallerySeed.SnapshotAsync(App, "one");
        var second = await GallerySeed.SnapshotAsync(App, "two");
        await GallerySeed.SnapshotAsync(App, "three");
        var gallery = Render<Gallery>();
        gallery.WaitForAssertion(() => Assert.Equal(3, gallery.FindAll("[data-testid=snapshot-card]").Count));

        Card(gallery, "one").QuerySelector("input[type=checkbox]")!.Change(true);
        Card(gallery, "two").QuerySelector("input[type=checkbox]")!.Change(true);

        gallery.WaitForAssertion(() => Assert.Contains("2 items selected", gallery.Find("[data-testid=selection-bar]").TextContent));
        var zip = gallery.FindAll("[data-testid=selection-bar] a").Single(a => a.TextContent.Contains("Download zip")).GetAttribute("href")!;
        var response = await App.CreateClient().GetAsync(zip);
        Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
        await using (var archive = new System.IO.Compression.ZipArchive(await response.Content.ReadAsStreamAsync()))
            Assert.Equal(2, archive.Entries.Count);
        Assert.Contains($"snapshot_id={first.Id}", zip);
        Assert.Contains($"snapshot_id={second.Id}", zip);

        gallery.FindAll("[data-testid=selection-bar] button").Single(b => b.TextContent.Contains("Delete")).Click();
        Dialogs.WaitForAssertion(() => Assert.Contains("Delete 2 items?", Dialogs.Markup));
        Dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Delete").Click();

        gallery.WaitForAssertion(() => Assert.Single(gallery.FindAll("[data-testid=snapshot-card]")));
        Assert.Contains("three", gallery.Find("[data-testid=snapshot-card]").TextContent);
        Assert.Empty(gallery.FindAll("[data-testid=selection-bar]"));
        Assert.Equal(1, await AppEnvironment.SnapshotRowsAsync(App));
    }

    private static AngleSharp.Dom.IElement Card(IRenderedComponent<Gallery> gallery, string note) =>
        gallery.FindAll("[data-testid=snapshot-card]").Single(c => c.TextContent.Contains(note));

    [Fact]
    public async Task TheViewerChangesLabelsAndNoteAndSaysWhatItRefuses()
    {
        await UseFreshAppAsync();
        var snapshot = await GallerySeed.SnapshotAsync(App, "on the sofa", "nap");
        var gallery = Render<Gallery>();
        gallery.WaitForAssertion(() => Assert.Single(gallery.FindAll("[data-testid=snapshot-card]")));

        gallery.Find("[data-testid=snapshot-card] button.dm-card-open").Click();
        Dialogs.WaitForAssertion(() => Dialogs.Find("[data-testid=viewer-image]"));
        Dialogs.FindAll("button").Single(b => b.TextContent.Contains("Edit labels and note")).Click();
        Dialogs.Find("input[data-testid=edit-labels]").Input("Zoomies, <b>");
        Dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Save").Click();
        Dialogs.WaitForAssertion(() => Assert.Contains("letters, digits", Dialogs.Find("[data-testid=viewer-edit] .mud-alert").TextContent));

        Dialogs.Find("input[data-testid=edit-labels]").Input("Zoomies, bath time");
        Dialogs.Find("textarea[data-testid=edit-note]").Change("after the walk");
        Dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Save").Click();

        Dialogs.WaitForAssertion(() => Assert.Empty(Dialogs.FindAll("[data-testid=viewer-edit]")));
        Assert.Contains("after the walk", Dialogs.Markup);
        gallery.WaitForAssertion(() => Assert.Contains("bath time", gallery.Find("[data-testid=snapshot-card]").TextContent));
        Assert.Contains("after the walk", gallery.Find("[data-testid=snapshot-card]").TextContent);
        var stored = await App.CreateClient().GetAsync($"/api/snapshots/{snapshot.Id}");
        var body = await stored.ReadJsonAsync();
        Assert.Equal(["zoomies", "bath time"], body["labels"]!.AsArray().Select(l => (string)l!));
        Assert.Equal("after the walk", (string?)body["note"]);
    }

    [Fact]
    public async Task EmptyGallerySaysWhereItemsComeFrom()
    {
        await UseFreshAppAsync();

        var gallery = Render<Gallery>();

        gallery.WaitForAssertion(() => Assert.Contains("No snapshots yet", gallery.Find("[data-testid=gallery-empty]").TextContent));
        Assert.Equal("/live", gallery.Find("[data-testid=gallery-empty] a").GetAttribute("href"));
        Assert.Contains("Snapshots (0)", gallery.Markup);
    }

    [Fact]
    public async Task AFilterThatMatchesNothingOffersToClearIt()
    {
        await UseFreshAppAsync();
        await GallerySeed.SnapshotAsync(App, "on the sofa", "nap");
        var gallery = Render<Gallery>();
        gallery.WaitForAssertion(() => Assert.Single(gallery.FindAll("[data-testid=snapshot-card]")));

        gallery.Find("input[data-testid=filter-label]").Input("bath");
        gallery.WaitForAssertion(() => Assert.Contains("Nothing matches these filters", gallery.Find("[data-testid=gallery-empty]").TextContent), TimeSpan.FromSeconds(5));
        gallery.WaitForAssertion(() => Assert.Contains("Clips (0)", gallery.Markup));

        gallery.FindAll("[data-testid=gallery-empty] button").Single(b => b.TextContent.Contains("Clear filters")).Click();
        gallery.WaitForAssertion(() => Assert.Single(gallery.FindAll("[data-testid=snapshot-card]")));
    }

    [Fact]
    public async Task AGridThatCannotReadItsItemsSaysSoAndKeepsThePageAlive()
    {
        await UseFreshAppAsync();
        await GallerySeed.SnapshotAsync(App, "on the sofa");
        // Counting still works, reading the items does not: the failure comes from inside the virtualized grid.
        await AppEnvironment.ExecuteSqlAsync(App, "ALTER TABLE snapshots RENAME COLUMN note TO note_away");

        var gallery = Render<Gallery>();

        gallery.WaitForAssertion(() => Assert.Contains("Part of the gallery could not be read", gallery.Find("[data-testid=gallery-error]").TextContent));
        Assert.Contains("Snapshots (1)", gallery.Markup);
        await AppEnvironment.ExecuteSqlAsync(App, "ALTER TABLE snapshots RENAME COLUMN note_away TO note");
        gallery.FindAll("[data-testid=gallery-error] button").Single(b => b.TextContent.Contains("Retry")).Click();
        gallery.WaitForAssertion(() => Assert.Single(gallery.FindAll("[data-testid=snapshot-card]")));
        Assert.Empty(gallery.FindAll("[data-testid=gallery-error]"));
    }

    [Fact]
    public async Task AnUnreachableDatabaseShowsWhatToDoAndRetries()
    {
        await UseFreshAppAsync();
        await GallerySeed.SnapshotAsync(App, "on the sofa");
        await AppEnvironment.ExecuteSqlAsync(App, "ALTER TABLE snapshots RENAME TO snapshots_away");

        var gallery = Render<Gallery>();

        // Said by the first count, or by the news of the snapshot seeded above if it comes after: either way, why.
        gallery.WaitForAssertion(() => Assert.Contains("The database cannot be reached", gallery.Find("[data-testid=gallery-error]").TextContent));
        await AppEnvironment.ExecuteSqlAsync(App, "ALTER TABLE snapshots_away RENAME TO snapshots");
        gallery.FindAll("[data-testid=gallery-error] button").Single(b => b.TextContent.Contains("Retry")).Click();
        gallery.WaitForAssertion(() => Assert.Single(gallery.FindAll("[data-testid=snapshot-card]")));
        Assert.Empty(gallery.FindAll("[data-testid=gallery-error]"));
    }

    private IRenderedComponent<Gallery> RenderClipsTab()
    {
        Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>().NavigateTo("/gallery?tab=clips");
        return Render<Gallery>();
    }
}
