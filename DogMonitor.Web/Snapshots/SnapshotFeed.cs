using DogMonitor.Domain.Messages;
using DogMonitor.Web.Feeds;

namespace DogMonitor.Web.Snapshots;

/// <summary>Snapshots stored by any web process, for the galleries open in this one.</summary>
public sealed class SnapshotFeed(ILogger<SnapshotFeed> logger) : LiveFeed<SnapshotCreated>(logger);
