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

    /// <summary>
    /// Runs <paramref name="action"/> with a service from a scope of its own that acts for the page's user. A circuit's
    /// scope lives as long as the page: its DbContext would take one call at a time and keep the rows it read, stale
    /// once someone else changes them.
    /// </summary>
    public async Task<TResult> WithAsync<TService, TResult>(Func<TService, Task<TResult>> action)
        where TService : notnull
    {
        await using var scope = CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<TService>());
    }
}
