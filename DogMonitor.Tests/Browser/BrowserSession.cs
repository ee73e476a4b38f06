using Microsoft.Playwright;

namespace DogMonitor.Tests.Browser;

/// <summary>Chromium for one test: pages and contexts open in it, and disposing closes them all.</summary>
internal sealed class BrowserSession(IPlaywright playwright, IBrowser browser) : IAsyncDisposable
{
    public IBrowser Browser { get; } = browser;

    public static async Task<BrowserSession> StartAsync()
    {
        var (playwright, browser) = await Chromium.LaunchAsync();
        return new BrowserSession(playwright, browser);
    }

    /// <summary>A page of the app's owner, signed in, in a context of its own.</summary>
    public Task<IPage> NewPageAsync(string baseUrl, int width = 1280, int height = 900) =>
        Browser.NewSignedInPageAsync(baseUrl, new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = height } });

    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        playwright.Dispose();
    }
}
