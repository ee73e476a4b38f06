namespace DogMonitor.Web.Components.Shared;

/// <summary>
/// The one action a dialog runs at a time: <see cref="Busy"/> while it runs (its buttons wait), and what went wrong,
/// in words, when it failed.
/// </summary>
public sealed class ActionState
{
    public bool Busy { get; private set; }

    public string? Error { get; set; }

    public async Task RunAsync(Func<Task> action)
    {
        Busy = true;
        Error = null;
        try
        {
            await action();
        }
        catch (Exception ex) when (ActionErrors.Describe(ex) is { } text)
        {
            Error = text;
        }
        finally
        {
            Busy = false;
        }
    }
}
