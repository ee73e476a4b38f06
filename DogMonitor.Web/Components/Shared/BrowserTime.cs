using System.Globalization;
using Microsoft.JSInterop;

namespace DogMonitor.Web.Components.Shared;

/// <summary>
/// The viewer's time zone and language, read once per circuit from the browser, so times show as the person
/// reads their clock even when the server runs in UTC (a container). Until read, the server's own are used.
/// </summary>
public sealed class BrowserTime(IJSRuntime js)
{
    private TimeZoneInfo _zone = TimeZoneInfo.Local;
    private CultureInfo _culture = CultureInfo.CurrentCulture;
    private bool _detected;

    /// <summary>The viewer's time zone (the server's until detected).</summary>
    public TimeZoneInfo Zone => _zone;

    public async Task DetectAsync()
    {
        if (_detected) return;
        try
        {
            var module = await js.InvokeAsync<IJSObjectReference>("import", "./js/browser-time.js");
            await using var _ = module;
            var settings = await module.InvokeAsync<string[]?>("timeSettings");
            if (settings is [var zone, var language])
            {
                if (TimeZoneInfo.TryFindSystemTimeZoneById(zone, out var found)) _zone = found;
                try { _culture = CultureInfo.GetCultureInfo(language); }
                catch (CultureNotFoundException) { /* keep the server's */ }
            }
            _detected = true;
        }
        catch (Exception ex) when (ex is JSException or JSDisconnectedException or TaskCanceledException)
        {
            // An old browser without Intl time zones, or one that went away: the server's zone is the best guess
            // left, and the next page asks again.
        }
    }

    /// <summary>A UTC time in the viewer's zone and language; "g" is the short date and time.</summary>
    public string Format(DateTime utc, string format = "g") =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), _zone).ToString(format, _culture);
}
