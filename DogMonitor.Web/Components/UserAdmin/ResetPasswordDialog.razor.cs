using DogMonitor.Domain.Accounts;
using DogMonitor.Web.Accounts;
using DogMonitor.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace DogMonitor.Web.Components.UserAdmin;

/// <summary>An admin sets a new password for someone who forgot theirs (there is no mail to send a reset link).</summary>
public sealed partial class ResetPasswordDialog
{
    private string? _password;
    private readonly ActionState _action = new();

    [CascadingParameter] private IMudDialogInstance Dialog { get; set; } = null!;
    [Inject] private UserScopes Scopes { get; set; } = null!;

    /// <summary>The account whose password is replaced.</summary>
    [Parameter, EditorRequired] public AppUser User { get; set; } = null!;

    private Task SaveAsync() => _action.RunAsync(async () =>
    {
        // No password in a change means "leave it": an empty field must not pass as done.
        if (string.IsNullOrEmpty(_password)) _action.Error = "Type the new password.";
        else if (await Scopes.WithAsync<UserAdminService, AppUser?>(users => users.UpdateAsync(User.Id, new UserChange(null, null, null, _password), CancellationToken.None)) is null)
            _action.Error = UserAdminText.Gone;
        else Dialog.Close(DialogResult.Ok(true));
    });

    private void Cancel() => Dialog.Cancel();
}
