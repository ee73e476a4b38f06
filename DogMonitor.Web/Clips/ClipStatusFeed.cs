using DogMonitor.Domain.Messages;
using DogMonitor.Web.Feeds;

namespace DogMonitor.Web.Clips;

/// <summary>The workers' clip status events, for the pages open in this web process.</summary>
public sealed class ClipStatusFeed(ILogger<ClipStatusFeed> logger) : LiveFeed<ClipStatusChanged>(logger);
