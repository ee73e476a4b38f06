using DogMonitor.Domain.Accounts;
using DogMonitor.Web.Accounts;
using DogMonitor.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using MudBlazor;

namespace DogMonitor.Web.Components.ApiKeys;

/// <summary>
/// Makes an API key for the signed-in user, then shows its secret this once, with how to send it. The dialog stays
/// open on a refusal, so what was typed is kept.
/// </summary>
public sealed partial class NewKeyDialog
{
    private string? _name;
    private ApiKeyScope _scope = ApiKeyScope.Read;
    private int? _days;
    private string? _secret;
    private string? _copyMessage;
    private readonly ActionState _action = new();

    [CascadingParameter] private IMudDialogInstance Dialog { get; set; } = null!;
    [Inject] private UserScopes Scopes { get; set; } = null!;
    [Inject] private NavigationManager Navigation { get; set; } = null!;
    [Inject] private IJSRuntime JS { get; set; } = null!;

    private string ExampleUrl => Navigation.ToAbsoluteUri("api/snapshots").ToString();

    private Task CreateAsync() => _action.RunAsync(async () =>
    {
        var (_, secret) = await Scopes.WithAsync<ApiKeyService, (ApiKey, string)>(keys => keys.CreateAsync(_name, _scope.ToString(), _days, CancellationToken.None));
        _name = _name?.Trim();
        _secret = secret;
        // The title belongs to the dialog's frame, which does not re-render with its content.
        Dialog.StateHasChanged();
    });

    private async Task CopyAsync()
    {
        if (_secret is null) return;
        _copyMessage = await Clipboard.CopyAsync(JS, _secret)
            ? "Copied to the clipboard."
            : "The browser did not allow copying; select the key and copy it by hand.";
    }

    private void Cancel() => Dialog.Cancel();

    private void Done() => Dialog.Close(DialogResult.Ok(true));
}
