using DogMonitor.Domain.Accounts;
using DogMonitor.Domain.Cameras;
using DogMonitor.Web.Accounts;
using DogMonitor.Web.Components.Shared;
using DogMonitor.Web.Components.UserAdmin;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace DogMonitor.Web.Components.Pages;

/// <summary>
/// Every account, for admins: create one, change its role and cameras, set a new password, disable, enable or delete
/// it. The rules (the last active admin stays) are <see cref="UserAdminService"/>'s; its refusals are shown as they are.
/// </summary>
public sealed partial class Users
{
    private List<AppUser>? _users;
    private string? _myId;
    private string? _error;

    [CascadingParameter] private Task<AuthenticationState> Authentication { get; set; } = null!;
    [Inject] private UserScopes Scopes { get; set; } = null!;
    [Inject] private CameraCatalog Catalog { get; set; } = null!;
    [Inject] private IDialogService Dialogs { get; set; } = null!;
    [Inject] private ISnackbar Snackbar { get; set; } = null!;
    [Inject] private TimeProvider Clock { get; set; } = null!;

    protected override async Task OnInitializedAsync()
    {
        _myId = AccountClaims.UserId((await Authentication).User);
        await LoadAsync();
    }

    private string CamerasText(AppUser user) => user.Role == UserRole.Admin ? "All cameras"
        : user.Cameras.Count == 0 ? "None"
        // A camera taken out of the configuration keeps its grant: it shows by id until it is back or removed here.
        : string.Join(", ", user.Cameras.Select(id => Catalog.Find(id)?.Name ?? id));

    private DateTime? LockedUntil(AppUser user) => user.LockoutEnd is { } end && end > Clock.GetUtcNow() ? end.UtcDateTime : null;

    private async Task LoadAsync()
    {
        try
        {
            _users = await Scopes.WithAsync<UserAdminService, List<AppUser>>(users => users.ListAsync(CancellationToken.None));
            _error = null;
        }
        catch (Exception ex) when (ActionErrors.Describe(ex) is { } text)
        {
            _error = text;
        }
    }

    private async Task CreateAsync()
    {
        if (await ShowAsync<UserDialog>("New user", new DialogParameters()) is AppUser created)
            Snackbar.Add($"{created.Email} can now sign in.", Severity.Success);
        await LoadAsync();
    }

    private async Task EditAsync(AppUser user)
    {
        if (await ShowAsync<UserDialog>($"Role and cameras of {user.Email}", new DialogParameters<UserDialog> { { d => d.User, user } }) is AppUser)
            Snackbar.Add($"{user.Email} is changed; open pages of theirs follow within a minute.", Severity.Success);
        await LoadAsync();
    }

    private async Task ResetPasswordAsync(AppUser user)
    {
        if (await ShowAsync<ResetPasswordDialog>($"New password for {user.Email}", new DialogParameters<ResetPasswordDialog> { { d => d.User, user } }) is true)
            Snackbar.Add($"{user.Email} has a new password.", Severity.Success);
        await LoadAsync();
    }

    private async Task SetDisabledAsync(AppUser user, bool disabled)
    {
        if (disabled && !await ConfirmAsync($"Disable {user.Email}?",
                $"They cannot sign in, their open pages close within a minute and their API keys stop working, until you enable the account again.{Yourself(user)}",
                "Disable"))
            return;
        await RunAsync(users => users.UpdateAsync(user.Id, new UserChange(null, null, disabled, null), CancellationToken.None),
            disabled ? $"{user.Email} is disabled." : $"{user.Email} is enabled again.");
    }

    private async Task DeleteAsync(AppUser user)
    {
        if (!await ConfirmAsync($"Delete {user.Email}?",
                $"The account is deleted with its snapshots, clips, share links and API keys. This cannot be undone.{Yourself(user)}",
                "Delete"))
            return;
        await RunAsync(async users => await users.DeleteAsync(user.Id, CancellationToken.None) ? user : null, $"{user.Email} is deleted.");
    }

    private string Yourself(AppUser user) => user.Id == _myId ? " This is your own account: you will be signed out." : "";

    /// <summary>One change; a refusal (the last admin) or an account deleted meanwhile is said in a snackbar.</summary>
    private async Task RunAsync(Func<UserAdminService, Task<AppUser?>> change, string done)
    {
        try
        {
            var changed = await Scopes.WithAsync(change);
            Snackbar.Add(changed is null ? UserAdminText.Gone : done, changed is null ? Severity.Warning : Severity.Success);
        }
        catch (Exception ex) when (ActionErrors.Describe(ex) is { } text)
        {
            Snackbar.Add(text, Severity.Error);
        }
        await LoadAsync();
    }

    private async Task<object?> ShowAsync<TDialog>(string title, DialogParameters parameters) where TDialog : IComponent
    {
        var dialog = await Dialogs.ShowAsync<TDialog>(title, parameters,
            new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true, CloseOnEscapeKey = true });
        var result = await dialog.Result;
        return result is { Canceled: false } ? result.Data : null;
    }

    private async Task<bool> ConfirmAsync(string title, string message, string yes) =>
        await Dialogs.ShowMessageBoxAsync(title, message, yesText: yes, cancelText: "Cancel") == true;
}
