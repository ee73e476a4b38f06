namespace DogMonitor.Web.Components.Shared;

/// <summary>
/// A circuit's one DbContext is used by one operation at a time: a page's reads on news from the bus (on their own
/// thread) and the person's actions, in the page and in its dialogs, take turns here. One per circuit.
/// </summary>
public sealed class DatabaseTurns : IDisposable
{
    private readonly SemaphoreSlim _turn = new(1, 1);

    public async Task<T> TakeAsync<T>(Func<Task<T>> work, CancellationToken cancellationToken)
    {
        await _turn.WaitAsync(cancellationToken);
        try
        {
            return await work();
        }
        finally
        {
            _turn.Release();
        }
    }

    public void Dispose() => _turn.Dispose();
}
