using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;

namespace DogMonitor.Web.Accounts;

/// <summary>Hands a circuit's user to <see cref="CurrentUser"/>, so services behind a page act for the person on it.</summary>
public sealed class CircuitUser(AuthenticationStateProvider authentication, CurrentUser user) : CircuitHandler, IDisposable
{
    public override async Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        authentication.AuthenticationStateChanged += Changed;
        user.Principal = (await authentication.GetAuthenticationStateAsync()).User;
    }

    private void Changed(Task<AuthenticationState> state) =>
        _ = state.ContinueWith(t => user.Principal = t.Result.User, CancellationToken.None, TaskContinuationOptions.OnlyOnRanToCompletion, TaskScheduler.Default);

    public void Dispose() => authentication.AuthenticationStateChanged -= Changed;
}
