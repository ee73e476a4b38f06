using DogMonitor.Domain.Accounts;
using DogMonitor.Domain.Problems;
using DogMonitor.Web.Accounts;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Identity;

namespace DogMonitor.Web.Components.Account;

/// <summary>
/// The first start: with the code from the console's setup link, makes the first admin and signs them in. Without the
/// code, or once an account exists, it refuses.
/// </summary>
public partial class Setup
{
    [Inject] private SetupCode SetupCode { get; set; } = null!;
    [Inject] private FirstAdmin FirstAdmin { get; set; } = null!;
    [Inject] private UserManager<AppUser> Users { get; set; } = null!;
    [Inject] private SignInManager<AppUser> SignInManager { get; set; } = null!;
    [Inject] private NavigationManager Navigation { get; set; } = null!;

    [SupplyParameterFromForm(FormName = "setup")]
    private SetupForm Input { get; set; } = null!;

    [SupplyParameterFromQuery(Name = "code")]
    public string? Code { get; set; }

    [CascadingParameter]
    private HttpContext HttpContext { get; set; } = null!;

    private bool _codeValid;
    private string? _error;

    protected override async Task OnInitializedAsync()
    {
        Input ??= new();
        if (!await FirstAdmin.IsNeededAsync(HttpContext.RequestAborted))
        {
            Navigation.NavigateTo("/signin", forceLoad: true);
            return;
        }
        Input.Code ??= Code;
        _codeValid = SetupCode.Matches(Input.Code);
        if (!_codeValid)
        {
            HttpContext.Response.StatusCode = StatusCodes.Status403Forbidden;
            _error = "This setup link is not valid. Use the link DogMonitor printed in its console when it started (it changes at every start).";
        }
    }

    private async Task CreateAsync()
    {
        if (!_codeValid) return;
        if (Input.Password != Input.Confirm)
        {
            _error = "The two passwords differ.";
            return;
        }
        try
        {
            if (!await FirstAdmin.CreateAsync(Input.Email, Input.Password, HttpContext.RequestAborted))
            {
                Navigation.NavigateTo("/signin", forceLoad: true);
                return;
            }
        }
        catch (RequestValidationException ex)
        {
            HttpContext.Response.StatusCode = StatusCodes.Status400BadRequest;
            _error = ex.Summary;
            return;
        }
        SetupCode.Consume();
        var admin = await Users.FindByEmailAsync(Input.Email!.Trim());
        await SignInManager.SignInAsync(admin!, isPersistent: true);
        Navigation.NavigateTo("/live", forceLoad: true);
    }
}
