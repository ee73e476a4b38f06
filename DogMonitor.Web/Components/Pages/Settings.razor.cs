using DogMonitor.Domain.Accounts;
using DogMonitor.Web.Accounts;
using DogMonitor.Web.Components.ApiKeys;
using DogMonitor.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace DogMonitor.Web.Components.Pages;

/// <summary>The signed-in user's own settings: links to the password and passkey pages, and their API keys.</summary>
public sealed partial class Settings
{
    private List<ApiKey>? _keys;
    private string? _email;
    private string? _error;

    [CascadingParameter] private Task<AuthenticationState> Authentication { get; set; } = null!;
    [Inject] private UserScopes Scopes { get; set; } = null!;
    [Inject] private IDialogService Dialogs { get; set; } = null!;
    [Inject] private ISnackbar Snackbar { get; set; } = null!;
    [Inject] private TimeProvider Clock { get; set; } = null!;

    protected override async Task OnInitializedAsync()
    {
        _email = (await Authentication).User.Identity?.Name;
        await LoadAsync();
    }

    private static string ScopeText(ApiKeyScope scope) => scope == ApiKeyScope.Read ? "Read only" : "Read and write";

    private async Task LoadAsync()
    {
        try
        {
            _keys = await Scopes.WithAsync<ApiKeyService, List<ApiKey>>(keys => keys.ListAsync(CancellationToken.None));
            _error = null;
        }
        catch (Exception ex) when (ActionErrors.Describe(ex) is { } text)
        {
            _error = text;
        }
    }

    private async Task NewKeyAsync()
    {
        // No closing by a click beside the dialog: the secret it shows would be lost for good.
        var dialog = await Dialogs.ShowAsync<NewKeyDialog>("New API key",
            new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true, CloseOnEscapeKey = true, BackdropClick = false });
        await dialog.Result;
        await LoadAsync();
    }

    private async Task RevokeAsync(ApiKey key)
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync($"Revoke “{key.Name}”?",
            "Programs that use this key are refused from now on. This cannot be undone.", yesText: "Revoke", cancelText: "Cancel");
        if (confirmed != true) return;
        try
        {
            var revoked = await Scopes.WithAsync<ApiKeyService, bool>(keys => keys.DeleteAsync(key.Id, CancellationToken.None));
            Snackbar.Add(revoked ? $"“{key.Name}” is revoked." : $"“{key.Name}” was already revoked.", revoked ? Severity.Success : Severity.Info);
        }
        catch (Exception ex) when (ActionErrors.Describe(ex) is { } text)
        {
            Snackbar.Add(text, Severity.Error);
        }
        await LoadAsync();
    }
}
