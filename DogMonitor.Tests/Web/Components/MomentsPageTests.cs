using Bunit;
using DogMonitor.Domain.Activity;
using DogMonitor.Domain.Clips;
using DogMonitor.Domain.Moments;
using DogMonitor.Domain.Persistence;
using DogMonitor.Tests.Infrastructure;
using DogMonitor.Tests.Web.Moments;
using DogMonitor.Web.Components.Pages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DogMonitor.Tests.Web.Components;

/// <summary>The Moments page, rendered by bunit over the real services of an embedded app.</summary>
public sealed class MomentsPageTests(EmbeddedEnvironment environment) : MudTestContext(environment)
{
    [Fact]
    public async Task TodaysMomentsShowNewestFirst_OpeningOnePlaysAndMarksIt_KeepCopiesIt_AndMarkAllClearsTheRest()
    {
        await UseFreshAppAsync();
        // Today in UTC (bunit's browser zone), however close to midnight the test runs.
        var at = DateTime.UtcNow.AddSeconds(-90) < DateTime.UtcNow.Date ? DateTime.UtcNow.Date.AddSeconds(1) : DateTime.UtcNow.AddSeconds(-90);
        var run = await StoredMoments.AddAsync(App, at);
        var bark = await StoredMoments.AddAsync(App, at.AddSeconds(20), ActivityKinds.Sound);
        var both = await StoredMoments.AddAsync(App, at.AddSeconds(40), ActivityKinds.Motion | ActivityKinds.Sound);
        await StoredMoments.AddAsync(App, at.AddDays(-1)); // yesterday's: another day
        var cutting = await StoredMoments.AddAsync(App, at.AddSeconds(-20), status: DogMonitor.Domain.Clips.ClipStatus.Queued);

        var page = Render<DogMonitor.Web.Components.Pages.Moments>();
        page.WaitForAssertion(() => Assert.Equal(4, page.FindAll("[data-testid=moment-card]").Count));
        Assert.Equal([both.Id, bark.Id, run.Id, cutting.Id], page.FindAll("[data-testid=moment-card]").Select(c => Guid.Parse(c.GetAttribute("data-id")!)));
        Assert.Equal(4, page.FindAll("[data-testid=moment-new]").Count);

        // One whose clip is still being cut says so when opened, and stays new: there was nothing to see yet.
        page.Find($"[data-id='{cutting.Id}'] .dm-card-open").Click();
        Dialogs.WaitForAssertion(() => Assert.Contains("still being cut", Dialogs.Find("[data-testid=moment-dialog]").TextContent, StringComparison.Ordinal));
        Assert.Equal("false", page.Find($"[data-id='{cutting.Id}']").GetAttribute("data-reviewed"));
        Dialogs.Find("[data-testid=moment-close]").Click();
        Dialogs.WaitForAssertion(() => Assert.Empty(Dialogs.FindAll("[data-testid=moment-close]")));
        Assert.Equal(["Motion", "Sound"], page.Find($"[data-id='{both.Id}'] [data-testid=moment-kinds]").QuerySelectorAll(".mud-chip").Select(c => c.TextContent.Trim()));
        Assert.Contains("Sound on Test pattern", page.Find($"[data-id='{bark.Id}'] .dm-card-open").GetAttribute("aria-label"), StringComparison.Ordinal);

        // Opening plays it, and it is no longer new, for this person.
        page.Find($"[data-id='{run.Id}'] .dm-card-open").Click();
        Dialogs.WaitForAssertion(() => Assert.NotNull(Dialogs.Find("[data-testid=moment-video]")));
        page.WaitForAssertion(() => Assert.Equal("true", page.Find($"[data-id='{run.Id}']").GetAttribute("data-reviewed")));
        var api = App.CreateClient();
        Assert.True((bool)(await (await api.GetAsync($"/api/moments/{run.Id}")).ReadJsonAsync())["reviewed"]!);

        // Keep: a copy among the owner's clips.
        Dialogs.Find("[data-testid=moment-keep]").Click();
        Snackbars.WaitForAssertion(() => Assert.Contains("Kept: it is among your clips", Snackbars.Markup, StringComparison.Ordinal));
        var clips = (await (await api.GetAsync("/api/clips")).ReadJsonAsync())["items"]!.AsArray();
        Assert.Equal(run.ClipId, Guid.Parse((string)Assert.Single(clips)!["source_clip_id"]!));

        // Mark all reviewed: nothing is new any more; "Only new" then shows nothing, and says so.
        page.Find("[data-testid=moments-mark-all] button, button[data-testid=moments-mark-all]").Click();
        page.WaitForAssertion(() => Assert.Empty(page.FindAll("[data-testid=moment-new]")));
        page.Find(".mud-switch input").Change(true);
        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=moments-empty]")));
    }

    [Fact]
    public async Task ANewMomentAppearsOnAnOpenPage_AndOneThatGoesIsTakenAway()
    {
        await UseFreshAppAsync();
        var at = DateTime.UtcNow.AddMinutes(-3) < DateTime.UtcNow.Date ? DateTime.UtcNow.Date.AddSeconds(1) : DateTime.UtcNow.AddMinutes(-3);
        var shown = await StoredMoments.AddAsync(App, at);
        var page = Render<DogMonitor.Web.Components.Pages.Moments>();
        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=moment-card]")));

        // As the recorder keeps one: its clip queued, the news over the bus, the page told.
        Moment recorded;
        await using (var scope = App.Services.CreateAsyncScope())
            recorded = await scope.ServiceProvider.GetRequiredService<MomentRecorder>().RecordAsync("test-pattern",
                new ActivityPeriod(at.AddSeconds(30), at.AddSeconds(34), ActivityKinds.Sound, 0, -12, false, at.AddSeconds(25), at.AddSeconds(39)), CancellationToken.None);
        page.WaitForAssertion(() => Assert.Equal([recorded.Id, shown.Id], page.FindAll("[data-testid=moment-card]").Select(c => Guid.Parse(c.GetAttribute("data-id")!))));

        await using (var scope = App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<DogMonitorDbContext>();
            await scope.ServiceProvider.GetRequiredService<ClipRemoval>().RemoveAsync(await db.Clips.FirstAsync(c => c.Id == shown.ClipId), CancellationToken.None);
        }
        page.WaitForAssertion(() => Assert.Equal([recorded.Id], page.FindAll("[data-testid=moment-card]").Select(c => Guid.Parse(c.GetAttribute("data-id")!))));
    }
}
