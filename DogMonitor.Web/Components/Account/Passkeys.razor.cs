using DogMonitor.Domain.Accounts;
using DogMonitor.Web.Accounts;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Identity;

namespace DogMonitor.Web.Components.Account;

/// <summary>
/// The signed-in person's passkeys (<c>/settings/passkeys</c>): list, add (the browser makes one, Identity checks it,
/// it is kept under the name given), rename, remove. Rendered on the server like the other account pages, because
/// Identity reads the passkey ceremony's cookie and the page's origin from the request that posts the browser's answer.
/// </summary>
public partial class Passkeys
{
    [Inject] private UserManager<AppUser> Users { get; set; } = null!;
    [Inject] private PasskeyService PasskeyService { get; set; } = null!;
    [Inject] private NavigationManager Navigation { get; set; } = null!;

    [SupplyParameterFromForm(FormName = "add-passkey")]
    private NewPasskeyForm Input { get; set; } = null!;

    /// <summary>Any row's form: each has its own name, so this takes whichever was posted.</summary>
    [SupplyParameterFromForm]
    private PasskeyChangeForm Change { get; set; } = null!;

    /// <summary>What the last change did (<c>added</c>, <c>renamed</c>, <c>removed</c>), after the redirect that follows it.</summary>
    [SupplyParameterFromQuery]
    public string? Done { get; set; }

    [CascadingParameter]
    private HttpContext HttpContext { get; set; } = null!;

    private const string RowFormPrefix = "passkey-";

    private AppUser _user = null!;
    private IReadOnlyList<UserPasskeyInfo> _passkeys = [];
    private string? _error;
    private string? _status;
    private string? _goneRowForm;

    protected override async Task OnInitializedAsync()
    {
        Input ??= new();
        Change ??= new();
        // An account deleted while its session lived: the session ends at its next check, sign-in will say why.
        if (await Users.GetUserAsync(HttpContext.User) is not { } user)
        {
            Navigation.NavigateTo("signin", forceLoad: true);
            return;
        }
        _user = user;
        _passkeys = await PasskeyService.ListAsync(_user);
        // A row posted from a page older than the list (removed in another tab or on another device): a form of its
        // name is rendered, so that this page answers with a sentence instead of the framework's "no such form".
        if (HttpMethods.IsPost(HttpContext.Request.Method) && HttpContext.Request.HasFormContentType
            && HttpContext.Request.Form["_handler"].ToString() is { } posted && posted.StartsWith(RowFormPrefix, StringComparison.Ordinal)
            && !_passkeys.Any(p => RowForm(PasskeyService.IdOf(p)) == posted))
            _goneRowForm = posted;
        _status = Done switch
        {
            "added" => "The passkey was added. You can now sign in with it.",
            "renamed" => "The passkey was renamed.",
            "removed" => "The passkey was removed. Remove it from the device too, or it will keep offering it here.",
            _ => null,
        };
    }

    private async Task AddAsync() => Finish("added",
        PasskeyMessages.ForBrowserError(Input.Error) ?? await PasskeyService.AddAsync(_user, Input.CredentialJson, Input.Name));

    private async Task ChangeAsync()
    {
        if (Change.Action == PasskeyChangeForm.Remove) Finish("removed", await PasskeyService.RemoveAsync(_user, Change.Id));
        else Finish("renamed", await PasskeyService.RenameAsync(_user, Change.Id, Change.Name));
    }

    private static string RowForm(string id) => RowFormPrefix + id;

    // After a change the page is loaded afresh, so a reload does not post the form again.
    private void Finish(string done, string? error)
    {
        _error = error;
        if (error is null) Navigation.NavigateTo($"settings/passkeys?done={done}", forceLoad: true);
        else HttpContext.Response.StatusCode = StatusCodes.Status400BadRequest;
    }
}
