namespace DogMonitor.Web.Events;

/// <summary>The names of the events API clients get, as the README lists them.</summary>
public static class ApiEventTypes
{
    public const string ClipCreated = "clip.created";
    public const string ClipStatus = "clip.status";
    public const string ClipDeleted = "clip.deleted";
    public const string SnapshotCreated = "snapshot.created";
    public const string SnapshotDeleted = "snapshot.deleted";
    public const string MomentCreated = "moment.created";
    public const string MomentStatus = "moment.status";
    public const string MomentDeleted = "moment.deleted";

    /// <summary>The events since the client's <c>Last-Event-ID</c> are no longer held: it should read its lists again.</summary>
    public const string Reload = "reload";
}
