using DogMonitor.Web.Accounts;

namespace DogMonitor.Web.Components.Shared;

public static class ServiceScopes
{
    /// <summary>
    /// Runs <paramref name="action"/> with a service from a scope of its own that acts for the page's user. A circuit's
    /// scope lives as long as the page: its DbContext would take one call at a time and keep the rows it read, stale
    /// once someone else changes them.
    /// </summary>
    public static async Task<TResult> WithAsync<TService, TResult>(this UserScopes scopes, Func<TService, Task<TResult>> action)
        where TService : notnull
    {
        await using var scope = scopes.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<TService>());
    }
}
