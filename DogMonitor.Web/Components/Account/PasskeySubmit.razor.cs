using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Components;

namespace DogMonitor.Web.Components.Account;

/// <summary>
/// The passkey button of a server-rendered form. passkeys.js fetches the options (sending this page's antiforgery
/// token as a header), asks the browser, and posts <c>{Name}.CredentialJson</c> or <c>{Name}.Error</c> with the form.
/// </summary>
public partial class PasskeySubmit
{
    private AntiforgeryTokenSet? _tokens;

    [Inject] private IAntiforgery Antiforgery { get; set; } = null!;

    [CascadingParameter]
    private HttpContext HttpContext { get; set; } = null!;

    /// <summary>Make a passkey, or sign in with one.</summary>
    [Parameter, EditorRequired] public PasskeyOperation Operation { get; set; }

    /// <summary>The form model's prefix the answer is posted under, e.g. <c>Input</c>.</summary>
    [Parameter, EditorRequired] public string Name { get; set; } = "";

    /// <summary>The button's label.</summary>
    [Parameter] public RenderFragment? ChildContent { get; set; }

    protected override void OnInitialized() => _tokens = Antiforgery.GetTokens(HttpContext);
}
