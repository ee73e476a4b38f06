using DogMonitor.Web.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Routing;
using Microsoft.JSInterop;
using MudBlazor;

namespace DogMonitor.Web.Components.Layout;

/// <summary>
/// The app shell: navigation (app bar links on wide screens, a drawer on phones), the account menu, the theme that
/// follows the system's dark mode unless the user chose one (<see cref="ThemePreference"/>), and the snackbar settings.
/// </summary>
public sealed partial class MainLayout : IAsyncDisposable
{
    private static readonly NavItem[] Links =
    [
        new("Live", "live", Icons.Material.Filled.Videocam),
        new("Moments", "moments", Icons.Material.Filled.Pets),
        new("Gallery", "gallery", Icons.Material.Filled.PhotoLibrary),
    ];

    private readonly ThemePreference _theme = new();
    private bool _ready; // connected, with the theme the person chose (or the system's) applied
    private IJSObjectReference? _module;
    private DotNetObjectReference<MainLayout>? _self;
    private ElementReference _main;
    private bool _drawerOpen;
    private SignedInAccount? _account;

    [CascadingParameter] private Task<AuthenticationState> Authentication { get; set; } = null!;
    [Inject] private IAuthorizationService Authorization { get; set; } = null!;
    [Inject] private IJSRuntime JS { get; set; } = null!;
    [Inject] private ISnackbar Snackbar { get; set; } = null!;
    [Inject] private NavigationManager Navigation { get; set; } = null!;

    protected override void OnInitialized()
    {
        var snackbars = Snackbar.Configuration;
        snackbars.PositionClass = Defaults.Classes.Position.BottomRight; // app.css centres it on phones
        snackbars.NewestOnTop = true;
        snackbars.MaxDisplayedSnackbars = 3;
        snackbars.ShowCloseIcon = true;
        snackbars.VisibleStateDuration = 4000;
        snackbars.ShowTransitionDuration = 200;
        snackbars.HideTransitionDuration = 200;
        Navigation.LocationChanged += OnLocationChanged;
    }

    // Worked out once here rather than by an AuthorizeView per item: a view renders its content later, and the menu's
    // arrow keys would then visit Users after Sign out.
    protected override async Task OnParametersSetAsync()
    {
        var user = (await Authentication).User;
        _account = user.Identity is { IsAuthenticated: true, Name: { } email }
            ? new SignedInAccount(email, (await Authorization.AuthorizeAsync(user, AccountPolicies.Admin)).Succeeded)
            : null;
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender) return;
        _theme.Restore(await JS.InvokeAsync<string?>("localStorage.getItem", ThemePreference.StorageKey));
        _self = DotNetObjectReference.Create(this);
        _module = await JS.InvokeAsync<IJSObjectReference>("import", "./js/shell.js");
        _theme.SystemDark = await _module.InvokeAsync<bool>("watchColorScheme", _self);
        _ready = true;
        StateHasChanged();
    }

    /// <summary>Called by shell.js when the system switches between light and dark.</summary>
    [JSInvokable]
    public Task SystemColorSchemeChanged(bool dark)
    {
        _theme.SystemDark = dark;
        return InvokeAsync(StateHasChanged);
    }

    private async Task CycleThemeAsync()
    {
        _theme.Next();
        if (_theme.Stored is { } stored)
            await JS.InvokeVoidAsync("localStorage.setItem", ThemePreference.StorageKey, stored);
        else
            await JS.InvokeVoidAsync("localStorage.removeItem", ThemePreference.StorageKey);
    }

    private async Task SignOutAsync()
    {
        _module ??= await JS.InvokeAsync<IJSObjectReference>("import", "./js/shell.js");
        await _module.InvokeVoidAsync("submitForm", SignOutForm.Id);
    }

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

    public async ValueTask DisposeAsync()
    {
        Navigation.LocationChanged -= OnLocationChanged;
        if (_module is not null)
        {
            try
            {
                await _module.InvokeVoidAsync("unwatchColorScheme");
                await _module.DisposeAsync();
            }
            catch (JSDisconnectedException)
            {
                // The browser is gone, and its listener with it.
            }
        }
        _self?.Dispose();
    }

    private sealed record NavItem(string Title, string Href, string Icon);
}
