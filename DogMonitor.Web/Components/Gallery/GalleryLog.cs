namespace DogMonitor.Web.Components.Gallery;

internal static partial class GalleryLog
{
    [LoggerMessage(LogLevel.Warning, "A gallery action failed")]
    public static partial void ActionFailed(ILogger logger, Exception exception);

    [LoggerMessage(LogLevel.Warning, "The gallery could not show the news of item {ItemId}")]
    public static partial void EventFailed(ILogger logger, Exception exception, Guid itemId);
}
