namespace DogMonitor.Web.Feeds;

internal static partial class FeedLog
{
    [LoggerMessage(LogLevel.Warning, "A page subscribed to {Event} events failed on one ({SubscriberId})")]
    public static partial void SubscriberFailed(ILogger logger, Exception exception, string @event, Guid subscriberId);
}
