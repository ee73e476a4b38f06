using DogMonitor.Domain.Clips;
using DogMonitor.Domain.Messages;
using DogMonitor.Web.Clips;
using Microsoft.Extensions.Logging.Abstractions;

namespace DogMonitor.Tests.Web;

public class ClipStatusFeedTests
{
    private static readonly ClipStatusChanged Change = new(Guid.NewGuid(), "local", ClipStatus.Processing, 10, null, DateTime.UtcNow);

    [Fact]
    public async Task ASlowOrFailingPageHoldsUpNoOther()
    {
        var feed = new ClipStatusFeed(NullLogger<ClipStatusFeed>.Instance);
        var slowMayFinish = new TaskCompletionSource();
        var quickGotIt = new TaskCompletionSource<ClipStatusChanged>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var slow = feed.Subscribe(_ => slowMayFinish.Task);
        using var failing = feed.Subscribe(_ => throw new InvalidOperationException("this page went away"));
        using var quick = feed.Subscribe(change => { quickGotIt.TrySetResult(change); return Task.CompletedTask; });

        var publishing = feed.PublishAsync(Change);

        // The quick page has the news while the slow one is still busy with it.
        Assert.Same(Change, await quickGotIt.Task.WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken));
        Assert.False(publishing.IsCompleted);
        slowMayFinish.SetResult();
        await publishing; // the failing page's exception stays with it
    }

    [Fact]
    public async Task ADisposedSubscriptionHearsNothingMore()
    {
        var feed = new ClipStatusFeed(NullLogger<ClipStatusFeed>.Instance);
        var heard = 0;
        var subscription = feed.Subscribe(_ => { heard++; return Task.CompletedTask; });
        await feed.PublishAsync(Change);
        subscription.Dispose();
        subscription.Dispose();

        await feed.PublishAsync(Change);

        Assert.Equal(1, heard);
    }
}
