namespace DogMonitor.Tests.Worker.Recording;

/// <summary>Waits for a recorder to reach a state, failing with what was last seen.</summary>
internal static class Waiting
{
    public static async Task UntilAsync(Func<Task<bool>> condition, TimeSpan timeout, string what, Func<Task<string?>>? seen = null)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            if (DateTime.UtcNow >= deadline)
                Assert.Fail($"Gave up waiting for {what} after {timeout.TotalSeconds:0} s." + (seen is null ? "" : $" Last seen: {await seen()}"));
            await Task.Delay(250, TestContext.Current.CancellationToken);
        }
    }
}
