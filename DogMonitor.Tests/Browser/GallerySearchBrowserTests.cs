using DogMonitor.Tests.Infrastructure;
using Microsoft.Playwright;

namespace DogMonitor.Tests.Browser;

/// <summary>Searching the gallery as one types, and label suggestions, in a real browser on the embedded default.</summary>
[Collection(BrowserCollection.Name)]
public sealed class GallerySearchBrowserTests(RecordingApp recording)
{
    [Fact]
    public async Task SearchAsYouTypeNarrowsTheGridAndTheLabelFieldSuggests()
    {
        // Words no other test uses, so the shared app's other items stay out of the way.
        foreach (var (note, labels) in new[]
        {
            ("Quokka chasing the ball across the garden", new[] { "fetch", "quokka-day" }),
            ("Quokka napping by the garden door", new[] { "nap", "quokka-day" }),
            ("Quokka with a new ball", new[] { "fetch", "quokka-day" }),
        })
        {
            var created = await recording.Client.PostJsonAsync("/api/snapshots", ApiClient.SnapshotBody(TestImages.Jpeg(640, 360), note: note, labels: labels));
            Assert.Equal(System.Net.HttpStatusCode.Created, created.StatusCode);
        }
        await using var browser = await BrowserSession.StartAsync();
        var page = await browser.NewPageAsync(recording.BaseUrl);
        await page.GotoAsync(recording.BaseUrl + "/gallery");
        await GalleryBrowserTests.WaitForCircuitAsync(page);
        var cards = page.GetByTestId("snapshot-card");

        // Typed as a person types: each pause searches what is there so far.
        var search = page.GetByLabel("Search notes and labels");
        await search.PressSequentiallyAsync("quok", new LocatorPressSequentiallyOptions { Delay = 60 });
        await Assertions.Expect(cards).ToHaveCountAsync(3, new LocatorAssertionsToHaveCountOptions { Timeout = 10_000 });
        await search.PressSequentiallyAsync(" gar bal", new LocatorPressSequentiallyOptions { Delay = 60 });
        await Assertions.Expect(cards).ToHaveCountAsync(1, new LocatorAssertionsToHaveCountOptions { Timeout = 10_000 });
        await Assertions.Expect(cards).ToContainTextAsync("chasing the ball");
        await Assertions.Expect(page.GetByRole(AriaRole.Tab).First).ToContainTextAsync("Snapshots (1)");

        await search.FillAsync("quokka");
        await Assertions.Expect(cards).ToHaveCountAsync(3, new LocatorAssertionsToHaveCountOptions { Timeout = 10_000 });
        var label = page.GetByRole(AriaRole.Combobox, new PageGetByRoleOptions { Name = "Label" });
        await label.PressSequentiallyAsync("quo", new LocatorPressSequentiallyOptions { Delay = 60 });
        var suggestion = page.GetByRole(AriaRole.Option).Filter(new LocatorFilterOptions { HasText = "quokka-day" });
        await Assertions.Expect(suggestion).ToBeVisibleAsync(new LocatorAssertionsToBeVisibleOptions { Timeout = 10_000 });
        await Assertions.Expect(suggestion).ToContainTextAsync("used 3 times");
        await Assertions.Expect(cards).ToHaveCountAsync(3); // the start of a label does not filter yet: it waits for the choice
        var violations = await Axe.ViolationsAsync(page);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Chromium.ScreenshotPath("gallery-search.png") });
        Assert.True(violations.Count == 0, $"The gallery with suggestions open breaks WCAG 2.1 AA:\n{string.Join('\n', violations)}");

        await label.PressSequentiallyAsync("kka-d", new LocatorPressSequentiallyOptions { Delay = 60 });
        await Assertions.Expect(page.GetByRole(AriaRole.Option)).ToHaveCountAsync(1, new LocatorAssertionsToHaveCountOptions { Timeout = 10_000 });
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(label).ToHaveValueAsync("quokka-day");
        await Assertions.Expect(cards).ToHaveCountAsync(3);
        await search.FillAsync("quokka napping");
        await Assertions.Expect(cards).ToHaveCountAsync(1, new LocatorAssertionsToHaveCountOptions { Timeout = 10_000 });
        await Assertions.Expect(cards).ToContainTextAsync("garden door");
    }
}
