using Microsoft.JSInterop;

namespace DogMonitor.Web.Components.Shared;

/// <summary>Copies text through the browser, for the share links and API keys a person passes on.</summary>
public static class Clipboard
{
    /// <summary>False when the browser refused (no secure context, no permission): the caller says to copy by hand.</summary>
    public static async Task<bool> CopyAsync(IJSRuntime js, string text)
    {
        var module = await js.InvokeAsync<IJSObjectReference>("import", "./js/clipboard.js");
        await using var _ = module;
        return await module.InvokeAsync<bool>("copyText", text);
    }
}
