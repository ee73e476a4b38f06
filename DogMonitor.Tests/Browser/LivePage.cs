using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DogMonitor.Tests.Infrastructure;
using Microsoft.Playwright;

namespace DogMonitor.Tests.Browser;

/// <summary>What the live page's browser tests do again and again.</summary>
internal static class LivePage
{
    /// <summary>Opens /live in a new page and waits until the video plays: clicks before the circuit connects are lost.</summary>
    public static async Task<IPage> OpenAsync(IBrowser browser, RecordingApp recording, BrowserNewContextOptions? options = null)
    {
        var page = await browser.NewSignedInPageAsync(recording.BaseUrl, options);
        await page.GotoAsync(recording.BaseUrl + "/live");
        await WaitForPlaybackAsync(page, minimum: 0.5, TimeSpan.FromSeconds(20));
        return page;
    }

    public static async Task<double> WaitForPlaybackAsync(IPage page, double minimum, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        double current = 0;
        while (DateTime.UtcNow < deadline)
        {
            current = await page.EvaluateAsync<double>("() => document.querySelector('video')?.currentTime ?? 0");
            if (current >= minimum) return current;
            await Task.Delay(250);
        }
        var state = await page.EvaluateAsync<string>(
            "() => { const v = document.querySelector('video'); return v ? `readyState ${v.readyState}, error ${v.error?.message}, src ${v.currentSrc}` : 'no video'; }");
        Assert.Fail($"The live video did not reach {minimum:0.0} s within {timeout.TotalSeconds} s (it is at {current:0.0} s; {state}).");
        return current;
    }

    /// <summary>The id of the clip a "Recent clips" row shows, read from its gallery link.</summary>
    public static async Task<Guid> ClipIdOfAsync(ILocator row)
    {
        var href = await row.GetByTestId("clip-title").GetAttributeAsync("href");
        Assert.NotNull(href);
        Assert.StartsWith("gallery?tab=clips&open=", href);
        return Guid.Parse(href["gallery?tab=clips&open=".Length..]);
    }

    public static async Task<JsonObject> ClipAsync(RecordingApp recording, Guid id) =>
        (await recording.Client.GetFromJsonAsync<JsonObject>($"/api/clips/{id}", TestContext.Current.CancellationToken))!;

    public static async Task<int> SnapshotCountAsync(RecordingApp recording)
    {
        var page = await recording.Client.GetFromJsonAsync<JsonObject>("/api/snapshots?limit=100", TestContext.Current.CancellationToken);
        return page!["items"]!.AsArray().Count;
    }
}
