using DogMonitor.Domain.Accounts;
using DogMonitor.Web.Accounts;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Identity;

namespace DogMonitor.Web.Components.Account;

/// <summary>
/// The sign-in page, with a password or a passkey: rendered on the server (no circuit), each form posted with
/// antiforgery, rate limited per address.
/// </summary>
public partial class SignIn
{
    [Inject] private SignInManager<AppUser> SignInManager { get; set; } = null!;
    [Inject] private NavigationManager Navigation { get; set; } = null!;
    [Inject] private FirstAdmin FirstAdmin { get; set; } = null!;

    [SupplyParameterFromForm(FormName = "signin")]
    private SignInForm Input { get; set; } = null!;

    [SupplyParameterFromForm(FormName = "passkey-signin")]
    private PasskeyForm Passkey { get; set; } = null!;

    /// <summary>Where to go once signed in: a path on this app only.</summary>
    [SupplyParameterFromQuery]
    public string? ReturnUrl { get; set; }

    [CascadingParameter]
    private HttpContext HttpContext { get; set; } = null!;

    private string? _error;

    protected override async Task OnInitializedAsync()
    {
        Input ??= new();
        Passkey ??= new();
        // Before the first account exists there is nobody to sign in: the console holds the setup link.
        if (HttpMethods.IsGet(HttpContext.Request.Method) && await FirstAdmin.IsNeededAsync(HttpContext.RequestAborted))
            _error = "DogMonitor has no account yet. Open the setup link that the app printed in its console when it started.";
    }

    private async Task SignInAsync() =>
        Finish(await SignInAttempt.PasswordAsync(SignInManager, Input.Email, Input.Password));

    private async Task PasskeySignInAsync() =>
        Finish(PasskeyMessages.ForBrowserError(Passkey.Error) ?? await SignInAttempt.PasskeyAsync(SignInManager, Passkey.CredentialJson));

    private void Finish(string? error)
    {
        _error = error;
        if (_error is null) Navigation.NavigateTo(LocalPath.OrHome(ReturnUrl), forceLoad: true);
        else HttpContext.Response.StatusCode = StatusCodes.Status401Unauthorized;
    }
}
