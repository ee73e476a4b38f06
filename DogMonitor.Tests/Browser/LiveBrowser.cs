using DogMonitor.Tests.Infrastructure;
using Microsoft.Playwright;

namespace DogMonitor.Tests.Browser;

/// <summary>Chromium with one page open on /live, playing; disposing closes both.</summary>
internal sealed class LiveBrowser(IPlaywright playwright, IBrowser browser, IPage page) : IAsyncDisposable
{
    public IPage Page { get; } = page;

    public static async Task<LiveBrowser> OpenAsync(RecordingApp recording, BrowserNewContextOptions? options = null)
    {
        var (playwright, browser) = await Chromium.LaunchAsync();
        try
        {
            return new LiveBrowser(playwright, browser, await LivePage.OpenAsync(browser, recording, options));
        }
        catch
        {
            await browser.DisposeAsync();
            playwright.Dispose();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await browser.DisposeAsync();
        playwright.Dispose();
    }
}
