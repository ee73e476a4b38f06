using DogMonitor.Domain.Accounts;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Identity;

namespace DogMonitor.Web.Components.Account;

/// <summary>
/// A signed-in user changes their password. Rendered on the server like the sign-in page, rate limited the same way
/// (the current password could otherwise be guessed here without a lockout). Identity renews the security stamp, so
/// every other session of the user ends at its next check; this browser gets a fresh cookie and stays signed in.
/// </summary>
public partial class ChangePassword
{
    private readonly List<string> _errors = [];

    [Inject] private UserManager<AppUser> Users { get; set; } = null!;
    [Inject] private SignInManager<AppUser> SignInManager { get; set; } = null!;
    [Inject] private NavigationManager Navigation { get; set; } = null!;

    [SupplyParameterFromForm(FormName = "change-password")]
    private ChangePasswordForm Input { get; set; } = null!;

    /// <summary>Set by the redirect after a change, so a reload does not post the form again.</summary>
    [SupplyParameterFromQuery]
    public bool Changed { get; set; }

    [CascadingParameter]
    private HttpContext HttpContext { get; set; } = null!;

    protected override void OnInitialized() => Input ??= new();

    private async Task ChangeAsync()
    {
        if (string.IsNullOrEmpty(Input.Current) || string.IsNullOrEmpty(Input.Password)) _errors.Add("Enter your current password and a new one.");
        else if (Input.Password != Input.Confirm) _errors.Add("The two new passwords differ.");
        else if (await Users.GetUserAsync(HttpContext.User) is not { } user) _errors.Add("Your account no longer exists.");
        else
        {
            var result = await Users.ChangePasswordAsync(user, Input.Current, Input.Password);
            if (result.Succeeded)
            {
                await SignInManager.RefreshSignInAsync(user);
                Navigation.NavigateTo("settings/password?changed=true", forceLoad: true);
                return;
            }
            _errors.AddRange(result.Errors.Select(e => e.Description));
        }
        HttpContext.Response.StatusCode = StatusCodes.Status400BadRequest;
    }
}
