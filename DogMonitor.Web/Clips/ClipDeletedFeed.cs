using DogMonitor.Domain.Messages;
using DogMonitor.Web.Feeds;

namespace DogMonitor.Web.Clips;

/// <summary>Clips deleted by any process (a trim that took a clip's place, a page elsewhere), for the galleries open in this one.</summary>
public sealed class ClipDeletedFeed(ILogger<ClipDeletedFeed> logger) : LiveFeed<ClipDeleted>(logger);
