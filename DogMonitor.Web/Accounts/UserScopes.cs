namespace DogMonitor.Web.Accounts;

/// <summary>
/// Child scopes for a page's own work (a DbContext per operation, so reads never overlap) that act for the page's
/// user. A plain scope would know nobody: work started by a bus event has no request whose user it could fall back on.
/// </summary>
public sealed class UserScopes(IServiceScopeFactory scopes, CurrentUser user)
{
    public AsyncServiceScope CreateAsyncScope()
    {
        var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().Principal = user.Principal;
        return scope;
    }
}
