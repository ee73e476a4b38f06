using DogMonitor.Domain.Accounts;
using DogMonitor.Web.Accounts;
using DogMonitor.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace DogMonitor.Web.Components.UserAdmin;

/// <summary>
/// Creates an account (email, password, role, cameras) or changes one's role and cameras. A refusal (email taken,
/// weak password, the last admin) is shown in the dialog, which stays open with what was typed.
/// </summary>
public sealed partial class UserDialog
{
    private string? _email;
    private string? _password;
    private UserRole _role = UserRole.Member;
    private HashSet<string> _cameras = [];
    private readonly ActionState _action = new();

    [CascadingParameter] private IMudDialogInstance Dialog { get; set; } = null!;
    [Inject] private UserScopes Scopes { get; set; } = null!;

    /// <summary>The account to change; null to create one.</summary>
    [Parameter] public AppUser? User { get; set; }

    protected override void OnInitialized()
    {
        if (User is null) return;
        _role = User.Role;
        _cameras = [.. User.Cameras];
    }

    private Task SaveAsync() => _action.RunAsync(async () =>
    {
        var role = AccountClaims.RoleName(_role);
        var saved = await Scopes.WithAsync<UserAdminService, AppUser?>(async users => User is null
            ? await users.CreateAsync(new NewUser(_email, _password, role, [.. _cameras]), CancellationToken.None)
            : await users.UpdateAsync(User.Id, new UserChange(role, [.. _cameras], null, null), CancellationToken.None));
        if (saved is null) _action.Error = UserAdminText.Gone;
        else Dialog.Close(DialogResult.Ok(saved));
    });

    private void Cancel() => Dialog.Cancel();
}
