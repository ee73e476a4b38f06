using System.Text;
using System.Text.Json;
using DogMonitor.Domain.Clips;
using DogMonitor.Domain.Messages;
using DogMonitor.Domain.Moments;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace DogMonitor.Web.Events;

/// <summary>
/// Turns the bus's messages into the events API clients get, in the API's JSON (snake_case, as every response), with
/// the id the message carries so that every web process names an event alike.
/// </summary>
public sealed class ApiEventEncoder(IOptions<JsonOptions> json)
{
    /// <param name="momentId">For a moment's clip, the moment (<see cref="MomentClips.MomentOfAsync"/>): the event is then the moment's.</param>
    public ApiEvent From(ClipStatusChanged change, Guid? momentId = null) => change.OwnerId == MomentClips.Owner
        ? Encode(change.EventId.ToString(), change.IsNew ? ApiEventTypes.MomentCreated : ApiEventTypes.MomentStatus, change.OwnerId, change.ClipId, change.At,
            ClipRules.IsFinal(change.Status), new MomentEventData(momentId, change.CameraId, change.ClipId, change.Status, change.Progress, change.Error, change.At), change.CameraId)
        : Encode(change.EventId.ToString(), change.IsNew ? ApiEventTypes.ClipCreated : ApiEventTypes.ClipStatus, change.OwnerId, change.ClipId, change.At,
            ClipRules.IsFinal(change.Status), new ClipEventData(change.ClipId, change.Status, change.Progress, change.Error, change.At));

    public ApiEvent From(ClipDeleted deleted) => deleted.OwnerId == MomentClips.Owner
        ? Encode(deleted.EventId.ToString(), ApiEventTypes.MomentDeleted, deleted.OwnerId, deleted.ClipId, deleted.At, true,
            new MomentEventData(deleted.MomentId, deleted.CameraId, deleted.ClipId, null, 0, null, deleted.At), deleted.CameraId)
        : Encode(deleted.EventId.ToString(), ApiEventTypes.ClipDeleted, deleted.OwnerId, deleted.ClipId, deleted.At, true, new ItemEventData(deleted.ClipId, deleted.At));

    public ApiEvent From(SnapshotCreated created) =>
        Encode(created.EventId.ToString(), ApiEventTypes.SnapshotCreated, created.OwnerId, created.SnapshotId, created.At, false, new ItemEventData(created.SnapshotId, created.At));

    public ApiEvent From(SnapshotDeleted deleted) =>
        Encode(deleted.EventId.ToString(), ApiEventTypes.SnapshotDeleted, deleted.OwnerId, deleted.SnapshotId, deleted.At, true, new ItemEventData(deleted.SnapshotId, deleted.At));

    /// <summary>A clip's state as its row holds it: the first event of a stream that follows one clip (it has no id: it is no news).</summary>
    public ApiEvent Current(Clip clip) =>
        Encode(null, ApiEventTypes.ClipStatus, clip.OwnerId, clip.Id, clip.UpdatedAt, ClipRules.IsFinal(clip.Status),
            new ClipEventData(clip.Id, clip.Status, clip.Progress, clip.Error, clip.UpdatedAt));

    /// <summary>
    /// Tells a client its <c>Last-Event-ID</c> is no longer held. It carries the newest id this process holds (or none), so
    /// the client's next reconnection resumes from here rather than being told to reload again.
    /// </summary>
    public ApiEvent Reload(string ownerId, string? newestId, DateTime at) =>
        Encode(newestId ?? "", ApiEventTypes.Reload, ownerId, Guid.Empty, at, false,
            new ReloadEventData("Some events since the last one you saw are no longer held here; read your clips and snapshots again. New events follow."));

    private ApiEvent Encode<T>(string? id, string type, string ownerId, Guid itemId, DateTime at, bool final, T data, string? cameraId = null)
    {
        var payload = JsonSerializer.Serialize(data, json.Value.SerializerOptions);
        var serverSent = new StringBuilder();
        if (id is not null) serverSent.Append("id: ").Append(id).Append('\n');
        serverSent.Append("event: ").Append(type).Append('\n').Append("data: ").Append(payload).Append("\n\n");
        var message = $"{{\"id\":{(string.IsNullOrEmpty(id) ? "null" : JsonSerializer.Serialize(id))},\"type\":\"{type}\",\"data\":{payload}}}";
        return new ApiEvent(id, type, ownerId, itemId, at, final, Encoding.UTF8.GetBytes(serverSent.ToString()), Encoding.UTF8.GetBytes(message), cameraId);
    }
}
