using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Routing;
using Microsoft.JSInterop;
using MudBlazor;

namespace DogMonitor.Web.Components.Layout;

/// <summary>
/// The app shell: navigation (app bar links on wide screens, a drawer on phones), the theme that follows the
/// system's dark mode unless the user chose one (kept in localStorage), and the snackbar settings.
/// </summary>
public sealed partial class MainLayout : IDisposable
{
    private const string ThemeKey = "dogmonitor.theme";

    private static readonly NavItem[] Links =
    [
        new("Live", "live", Icons.Material.Filled.Videocam),
        new("Gallery", "gallery", Icons.Material.Filled.PhotoLibrary),
    ];

    private MudThemeProvider? _themeProvider;
    private ElementReference _main;
    private bool _isDarkMode = true; // until the browser says otherwise: the live video sits best on dark
    private bool _systemDark = true;
    private ThemeChoice _choice = ThemeChoice.System;
    private bool _drawerOpen;

    [Inject] private IJSRuntime JS { get; set; } = null!;
    [Inject] private ISnackbar Snackbar { get; set; } = null!;
    [Inject] private NavigationManager Navigation { get; set; } = null!;

    private string ThemeIcon => _choice switch
    {
        ThemeChoice.Light => Icons.Material.Filled.LightMode,
        ThemeChoice.Dark => Icons.Material.Filled.DarkMode,
        _ => Icons.Material.Filled.BrightnessAuto,
    };

    private string ThemeTooltip => _choice switch
    {
        ThemeChoice.Light => "Theme: light. Switch to dark",
        ThemeChoice.Dark => "Theme: dark. Follow the system",
        _ => $"Theme: follows the system ({(_systemDark ? "dark" : "light")}). Switch to light",
    };

    protected override void OnInitialized()
    {
        var snackbars = Snackbar.Configuration;
        snackbars.PositionClass = Defaults.Classes.Position.BottomRight; // app.css centres it on phones
        snackbars.PreventDuplicates = false;
        snackbars.NewestOnTop = true;
        snackbars.MaxDisplayedSnackbars = 3;
        snackbars.ShowCloseIcon = true;
        snackbars.VisibleStateDuration = 4000;
        snackbars.ShowTransitionDuration = 200;
        snackbars.HideTransitionDuration = 200;
        Navigation.LocationChanged += OnLocationChanged;
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender || _themeProvider is null) return;
        _choice = ParseChoice(await JS.InvokeAsync<string?>("localStorage.getItem", ThemeKey));
        _systemDark = await _themeProvider.GetSystemDarkModeAsync();
        await _themeProvider.WatchSystemDarkModeAsync(OnSystemDarkModeChangedAsync);
        ApplyTheme();
        StateHasChanged();
    }

    private Task OnSystemDarkModeChangedAsync(bool dark)
    {
        _systemDark = dark;
        ApplyTheme();
        return InvokeAsync(StateHasChanged);
    }

    private async Task CycleThemeAsync()
    {
        _choice = _choice switch
        {
            ThemeChoice.System => ThemeChoice.Light,
            ThemeChoice.Light => ThemeChoice.Dark,
            _ => ThemeChoice.System,
        };
        ApplyTheme();
        if (_choice == ThemeChoice.System)
            await JS.InvokeVoidAsync("localStorage.removeItem", ThemeKey);
        else
            await JS.InvokeVoidAsync("localStorage.setItem", ThemeKey, _choice == ThemeChoice.Dark ? "dark" : "light");
    }

    private void ApplyTheme() => _isDarkMode = _choice switch
    {
        ThemeChoice.Light => false,
        ThemeChoice.Dark => true,
        _ => _systemDark,
    };

    private static ThemeChoice ParseChoice(string? stored) => stored switch
    {
        "dark" => ThemeChoice.Dark,
        "light" => ThemeChoice.Light,
        _ => ThemeChoice.System,
    };

    private async Task SkipToContentAsync() => await _main.FocusAsync();

    private void ToggleDrawer() => _drawerOpen = !_drawerOpen;

    private bool IsCurrent(NavItem link) =>
        Navigation.ToBaseRelativePath(Navigation.Uri).Split('?', '#')[0].StartsWith(link.Href, StringComparison.OrdinalIgnoreCase);

    private string NavClass(NavItem link) => IsCurrent(link) ? "dm-shell-nav-current" : "";

    // The app bar's "current page" marker must follow navigation between pages that share this layout, and the
    // phone menu closes once a link in it was followed.
    private void OnLocationChanged(object? sender, LocationChangedEventArgs e)
    {
        _drawerOpen = false;
        _ = InvokeAsync(StateHasChanged);
    }

    public void Dispose() => Navigation.LocationChanged -= OnLocationChanged;

    private enum ThemeChoice { System, Light, Dark }

    private sealed record NavItem(string Title, string Href, string Icon);
}
