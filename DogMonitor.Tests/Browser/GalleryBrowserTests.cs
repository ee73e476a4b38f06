using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DogMonitor.Domain.Clips;
using DogMonitor.Tests.Infrastructure;
using Microsoft.Playwright;

namespace DogMonitor.Tests.Browser;

/// <summary>The gallery in a real browser against the embedded default recording its synthetic camera.</summary>
[Collection(BrowserCollection.Name)]
public sealed class GalleryBrowserTests(RecordingApp recording)
{
    [Fact]
    public async Task ASnapshotFromTheLivePageAppearsInTheGalleryAndCanBeDeleted()
    {
        await using var browser = await BrowserSession.StartAsync();
        var page = await browser.NewPageAsync(recording.BaseUrl);
        await page.GotoAsync(recording.BaseUrl + "/live");
        await WaitForAsync(page, "() => (document.querySelector('video')?.currentTime ?? 0) > 0.5", "the live video to play");
        await WaitForAsync(page, "() => document.querySelector('.dm-shell-root[data-ready=true]') !== null", "the live page's circuit to connect");
        var console = new System.Collections.Concurrent.ConcurrentQueue<string>();
        page.Console += (_, message) => console.Enqueue($"{message.Type}: {message.Text}");
        // Whatever the page tells the user (snackbars vanish after seconds), kept for the failure message.
        await page.EvaluateAsync("() => { window.__said = []; new MutationObserver(() => document.querySelectorAll('.mud-snackbar').forEach(s => "
            + "{ if (!window.__said.includes(s.textContent)) window.__said.push(s.textContent); })).observe(document.body, { childList: true, subtree: true }); }");
        await page.GetByLabel("Note (optional)").FillAsync("gallery check");
        // The note is taken when the field loses focus, as a person moves on to the video; then the button, once enabled.
        await page.Locator("video").ClickAsync();
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Take a snapshot" }).ClickAsync();
        try
        {
            await Assertions.Expect(page.GetByTestId("last-snapshot")).ToBeVisibleAsync(new LocatorAssertionsToBeVisibleOptions { Timeout = 20_000 });
        }
        catch (PlaywrightException ex)
        {
            var log = string.Join('\n', recording.App.Logs.TakeLast(30));
            var said = await page.EvaluateAsync<string[]>("() => window.__said");
            throw new Xunit.Sdk.XunitException($"No snapshot confirmation. The page said: {string.Join(" | ", said)}\nThe browser said:\n{string.Join('\n', console)}\nThe app said:\n{log}\n{ex.Message}");
        }

        await page.GotoAsync(recording.BaseUrl + "/gallery");
        var card = page.GetByTestId("snapshot-card").Filter(new LocatorFilterOptions { HasText = "gallery check" });
        await Assertions.Expect(card).ToHaveCountAsync(1, new LocatorAssertionsToHaveCountOptions { Timeout = 15_000 });
        // The thumbnail really loaded: a picture, not an id.
        await WaitForAsync(page, "() => [...document.querySelectorAll('[data-testid=snapshot-card] img')].some(i => i.complete && i.naturalWidth === 320)",
            "the snapshot's 320 px thumbnail to load");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Chromium.ScreenshotPath("gallery.png") });

        await card.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "Delete this snapshot" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Delete", Exact = true }).ClickAsync();
        await Assertions.Expect(card).ToHaveCountAsync(0, new LocatorAssertionsToHaveCountOptions { Timeout = 10_000 });
        var snapshots = await recording.Client.GetFromJsonAsync<JsonObject>("/api/snapshots?limit=200");
        Assert.DoesNotContain(snapshots!["items"]!.AsArray(), s => (string?)s!["note"] == "gallery check");
    }

    [Fact]
    public async Task SnapshotsStoredElsewhereAppearInAnOpenGalleryWithoutAReload()
    {
        await using var browser = await BrowserSession.StartAsync();
        var gallery = await browser.NewPageAsync(recording.BaseUrl);
        await gallery.GotoAsync(recording.BaseUrl + "/gallery");
        await WaitForCircuitAsync(gallery);

        // As from another device: three snapshots through the API, from the recording, one after another.
        var last = await recording.WaitForBufferAsync(TimeSpan.FromSeconds(6));
        for (var i = 1; i <= 3; i++)
        {
            var response = await recording.Client.PostAsJsonAsync("/api/snapshots", new { timestamp = last.AddSeconds(-i).ToString("O"), note = $"from afar {i}" });
            Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        }

        foreach (var i in new[] { 1, 2, 3 })
            await Assertions.Expect(gallery.GetByTestId("snapshot-card").Filter(new LocatorFilterOptions { HasText = $"from afar {i}" }))
                .ToHaveCountAsync(1, new LocatorAssertionsToHaveCountOptions { Timeout = 10_000 });
    }

    [Fact]
    public async Task TheClosedTabsTitleCountsSnapshotsStoredElsewhere_AndItsGridShowsThemWhenOpened()
    {
        await using var browser = await BrowserSession.StartAsync();
        var gallery = await browser.NewPageAsync(recording.BaseUrl);
        await gallery.GotoAsync(recording.BaseUrl + "/gallery?tab=clips");
        await WaitForCircuitAsync(gallery);
        var snapshotsTab = gallery.GetByRole(AriaRole.Tab, new PageGetByRoleOptions { NameRegex = new System.Text.RegularExpressions.Regex(@"^Snapshots \(") });
        var before = int.Parse(System.Text.RegularExpressions.Regex.Match(await snapshotsTab.InnerTextAsync(), @"\((\d+)\)").Groups[1].Value,
            System.Globalization.CultureInfo.InvariantCulture);

        // Each one news for a tab that is not open: its title counts them, one at a time.
        var last = await recording.WaitForBufferAsync(TimeSpan.FromSeconds(4));
        for (var i = 1; i <= 2; i++)
        {
            var response = await recording.Client.PostAsJsonAsync("/api/snapshots", new { timestamp = last.AddSeconds(-i).ToString("O"), note = $"counted {i}" });
            Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
            await Assertions.Expect(snapshotsTab).ToHaveTextAsync($"Snapshots ({before + i:N0})", new LocatorAssertionsToHaveTextOptions { Timeout = 10_000 });
        }

        await snapshotsTab.ClickAsync();
        foreach (var i in new[] { 1, 2 })
            await Assertions.Expect(gallery.GetByTestId("snapshot-card").Filter(new LocatorFilterOptions { HasText = $"counted {i}" })).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task AClipCardGoesQueuedProcessingReadyWithoutAReloadAndPlays()
    {
        await using var browser = await BrowserSession.StartAsync();
        var gallery = await browser.NewPageAsync(recording.BaseUrl);
        await gallery.GotoAsync(recording.BaseUrl + "/gallery?tab=clips");
        // Every status any clip card shows, in order, from the moment it enters the page.
        await gallery.EvaluateAsync("""
            () => {
                window.seen = {};
                const note = el => { const id = el.dataset.id; (window.seen[id] ??= []).at(-1) !== el.dataset.status && window.seen[id].push(el.dataset.status); };
                new MutationObserver(() => document.querySelectorAll('[data-testid=clip-card]').forEach(note))
                    .observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-status'] });
            }
            """);
        await WaitForCircuitAsync(gallery);

        // One worker cuts one clip at a time: a longer clip first keeps ours queued for a moment, as on a busy camera.
        await recording.WaitForBufferAsync(TimeSpan.FromSeconds(16));
        var blocker = await PostClipAsync(DateTime.UtcNow.AddSeconds(-16), 15_000);
        var clip = await PostClipAsync(DateTime.UtcNow.AddSeconds(-6), 5_000);

        var card = gallery.Locator($"[data-testid=clip-card][data-id='{clip}']");
        await Assertions.Expect(card).ToHaveAttributeAsync("data-status", "ready", new LocatorAssertionsToHaveAttributeOptions { Timeout = 60_000 });
        var seen = await gallery.EvaluateAsync<string[]>($"() => window.seen['{clip}']");
        Assert.Equal(["queued", "processing", "ready"], seen);
        Assert.NotEqual(blocker, clip);
        await gallery.ScreenshotAsync(new PageScreenshotOptions { Path = Chromium.ScreenshotPath("gallery-clips.png") });

        await card.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { NameRegex = new System.Text.RegularExpressions.Regex("^Open Clip from") }).ClickAsync();
        await Assertions.Expect(gallery.GetByTestId("viewer-video")).ToBeVisibleAsync();
        await WaitForAsync(gallery, "() => (document.querySelector('[data-testid=viewer-video]')?.currentTime ?? 0) > 1", "the clip to play in the viewer");
        await gallery.ScreenshotAsync(new PageScreenshotOptions { Path = Chromium.ScreenshotPath("gallery-viewer.png") });
    }

    [Fact]
    public async Task AClipRequeuedByTheSweeper_ChangesItsCardWithoutAReload_ThenFailsWithItsReason()
    {
        // A worker died 40 % into a clip that has used every attempt: its card says "Cutting 40 %" until the lease runs out.
        var id = await ClipRows.InsertAsync(recording.App, ClipStatus.Processing, ClipRows.MaxAttempts(recording.App),
            lease: DateTime.UtcNow.AddMinutes(5), start: DateTime.UtcNow.AddSeconds(-10), progress: 40);
        await using var browser = await BrowserSession.StartAsync();
        var gallery = await browser.NewPageAsync(recording.BaseUrl);
        await gallery.GotoAsync(recording.BaseUrl + "/gallery?tab=clips");
        var card = gallery.Locator($"[data-testid=clip-card][data-id='{id}']");
        await Assertions.Expect(card.GetByTestId("clip-status")).ToHaveTextAsync("Cutting 40 %");
        await gallery.EvaluateAsync($$"""
            () => {
                window.dmSamePage = true; // gone if the page reloads
                const card = () => document.querySelector("[data-testid=clip-card][data-id='{{id}}']");
                window.seen = [card().dataset.status];
                const add = status => window.seen.at(-1) !== status && window.seen.push(status);
                // Two renders can reach the page in one task, and the observer then runs once for both: each record's
                // old value keeps the status in between.
                new MutationObserver(records => {
                    for (const record of records)
                        if (record.attributeName === 'data-status' && record.target.dataset.id === '{{id}}') add(record.oldValue);
                    if (card()) add(card().dataset.status);
                }).observe(document.body, { subtree: true, childList: true, attributes: true, attributeOldValue: true, attributeFilter: ['data-status'] });
            }
            """);
        await WaitForCircuitAsync(gallery);

        await ClipRows.ExpireLeaseAsync(recording.App, id);
        await ClipRows.Sweeper(recording.App).SweepAsync(TestContext.Current.CancellationToken);

        // Back in the queue, then given up by the worker that takes the job: out of attempts, and the card says so.
        await Assertions.Expect(card).ToHaveAttributeAsync("data-status", "failed", new LocatorAssertionsToHaveAttributeOptions { Timeout = 20_000 });
        Assert.Equal(["processing", "queued", "failed"], await gallery.EvaluateAsync<string[]>("() => window.seen"));
        await Assertions.Expect(card.GetByTestId("clip-error")).ToHaveTextAsync(ClipRules.OutOfAttempts(ClipRows.MaxAttempts(recording.App), ClipRules.WorkerStopped));
        Assert.True(await gallery.EvaluateAsync<bool>("() => window.dmSamePage === true"), "The page was reloaded.");
    }

    private async Task<string> PostClipAsync(DateTime start, int durationMs)
    {
        var response = await recording.Client.PostAsJsonAsync("/api/clips", new { start_ts = start.ToString("O"), duration_ms = durationMs });
        Assert.Equal(System.Net.HttpStatusCode.Accepted, response.StatusCode);
        return (string)(await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
    }

    /// <summary>Blazor ignores what happens before its circuit is up; the page marks itself once it is.</summary>
    internal static Task WaitForCircuitAsync(IPage page) =>
        WaitForAsync(page, "() => document.querySelector('[data-interactive=true]') !== null", "the gallery's circuit to connect");

    internal static async Task WaitForAsync(IPage page, string condition, string what, int timeoutMs = 20_000)
    {
        try
        {
            await page.WaitForFunctionAsync(condition, null, new PageWaitForFunctionOptions { Timeout = timeoutMs, PollingInterval = 100 });
        }
        catch (TimeoutException)
        {
            Assert.Fail($"Waited {timeoutMs / 1000} s for {what}; the page shows: {await page.InnerTextAsync("body")}");
        }
    }
}
