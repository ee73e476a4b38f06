using System.Security.Claims;
using DogMonitor.Domain.Accounts;
using DogMonitor.Domain.Owners;

namespace DogMonitor.Web.Accounts;

/// <summary>
/// The signed-in user of a request, or of a page's circuit (where there is no request: <see cref="CircuitUser"/> sets
/// the principal when the circuit opens and whenever its authentication state changes).
/// </summary>
public sealed class CurrentUser(IHttpContextAccessor httpContext) : ICurrentUser
{
    private ClaimsPrincipal? _principal;

    public ClaimsPrincipal Principal
    {
        get => _principal ?? httpContext.HttpContext?.User ?? new ClaimsPrincipal();
        set => _principal = value;
    }

    public string OwnerId => AccountClaims.UserId(Principal)
        ?? throw new InvalidOperationException("Nobody is signed in; every endpoint and page that reaches the data requires a user.");

    public bool IsAdmin => AccountClaims.IsAdmin(Principal);

    public IReadOnlyCollection<string> Cameras => AccountClaims.Cameras(Principal);
}
