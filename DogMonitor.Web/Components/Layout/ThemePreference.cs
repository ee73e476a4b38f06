using MudBlazor;

namespace DogMonitor.Web.Components.Layout;

/// <summary>
/// Light or dark: the system's scheme unless the user picked one with the toggle, which cycles
/// system → light → dark → system. The pick is stored in the browser under <see cref="StorageKey"/>.
/// </summary>
internal sealed class ThemePreference
{
    public const string StorageKey = "dogmonitor.theme";

    private Choice _choice = Choice.System;

    /// <summary>Until the browser says otherwise: the live video sits best on dark.</summary>
    public bool SystemDark { get; set; } = true;

    public bool IsDark => _choice switch
    {
        Choice.Light => false,
        Choice.Dark => true,
        _ => SystemDark,
    };

    /// <summary>What to store: "light", "dark", or null to follow the system (nothing stored).</summary>
    public string? Stored => _choice switch
    {
        Choice.Light => "light",
        Choice.Dark => "dark",
        _ => null,
    };

    public string Icon => _choice switch
    {
        Choice.Light => Icons.Material.Filled.LightMode,
        Choice.Dark => Icons.Material.Filled.DarkMode,
        _ => Icons.Material.Filled.BrightnessAuto,
    };

    public string Label => _choice switch
    {
        Choice.Light => "Theme: light. Switch to dark",
        Choice.Dark => "Theme: dark. Follow the system",
        _ => $"Theme: follows the system ({(SystemDark ? "dark" : "light")}). Switch to light",
    };

    public void Restore(string? stored) => _choice = stored switch
    {
        "dark" => Choice.Dark,
        "light" => Choice.Light,
        _ => Choice.System,
    };

    public void Next() => _choice = _choice switch
    {
        Choice.System => Choice.Light,
        Choice.Light => Choice.Dark,
        _ => Choice.System,
    };

    private enum Choice { System, Light, Dark }
}
