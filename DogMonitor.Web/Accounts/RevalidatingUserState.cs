using DogMonitor.Domain.Accounts;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.Extensions.Options;

namespace DogMonitor.Web.Accounts;

/// <summary>
/// Checks an open page's user against the account every <see cref="AccountOptions.RevalidationInterval"/>: a user who
/// was disabled, deleted, given a new password, or whose role or cameras changed loses the page (and signs in again).
/// </summary>
public sealed class RevalidatingUserState(ILoggerFactory loggers, IServiceScopeFactory scopes, IOptions<AccountOptions> options)
    : RevalidatingServerAuthenticationStateProvider(loggers)
{
    protected override TimeSpan RevalidationInterval => options.Value.RevalidationInterval;

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await SessionValidity.HoldsAsync(scope.ServiceProvider, authenticationState.User);
    }
}
