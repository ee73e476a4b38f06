using DogMonitor.Tests.Infrastructure;
using DogMonitor.Web.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.DependencyInjection;

namespace DogMonitor.Tests.Web.Components;

/// <summary>
/// For components that ask who is signed in (<c>AuthorizeView</c>, the cascading authentication state): the state
/// holds the principal a sign-in of the account makes, and the app's own authorization policies judge it, so a
/// test of "admins only" runs the real rule. The services behind the page act for the app's owner either way.
/// </summary>
public abstract class SignedInPageContext(EmbeddedEnvironment environment) : MudTestContext(environment)
{
    private readonly SignedInState _state = new();

    /// <summary>A fresh app (<see cref="MudTestContext.UseFreshAppAsync"/>) with its owner, an admin, signed in.</summary>
    protected async Task UseFreshAppSignedInAsync()
    {
        // Registered before the first render; the principal follows once the app has made the account.
        Services.AddSingleton<AuthenticationStateProvider>(_state);
        Services.AddCascadingAuthenticationState();
        // bunit puts placeholders here that fail on use; the app's own judge its own policies.
        Services.AddTransient(_ => App.Services.GetRequiredService<IAuthorizationService>());
        Services.AddTransient(_ => App.Services.GetRequiredService<IAuthorizationPolicyProvider>());
        await UseFreshAppAsync();
        await SignInAsync(App.OwnerId);
    }

    /// <summary>Signs <paramref name="userId"/> in, as the sign-in page would.</summary>
    protected async Task SignInAsync(string userId)
    {
        await using var scope = await App.ScopeOfAsync(userId);
        _state.SignIn(scope.ServiceProvider.GetRequiredService<CurrentUser>().Principal);
    }

    private sealed class SignedInState : AuthenticationStateProvider
    {
        private AuthenticationState _state = new(new());

        public void SignIn(System.Security.Claims.ClaimsPrincipal user)
        {
            _state = new AuthenticationState(user);
            NotifyAuthenticationStateChanged(Task.FromResult(_state));
        }

        public override Task<AuthenticationState> GetAuthenticationStateAsync() => Task.FromResult(_state);
    }
}
