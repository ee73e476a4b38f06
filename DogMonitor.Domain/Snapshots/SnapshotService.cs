using DogMonitor.Domain.Cameras;
using DogMonitor.Domain.Images;
using DogMonitor.Domain.Owners;
using DogMonitor.Domain.Paging;
using DogMonitor.Domain.Persistence;
using DogMonitor.Domain.Problems;
using DogMonitor.Domain.Storage;
using DogMonitor.Domain.Validation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DogMonitor.Domain.Snapshots;

/// <summary>
/// Stores, lists and deletes snapshots. Objects go to the media store before the row is written,
/// and are removed again if the row cannot be written: no row ever points at missing media, and
/// no failed request leaves media behind.
/// </summary>
public sealed partial class SnapshotService(
    DogMonitorDbContext db,
    IMediaStore store,
    ICurrentUser user,
    IOptions<SnapshotOptions> options,
    TimeProvider clock,
    ILogger<SnapshotService> logger,
    VisibleCameras? cameras = null,
    IFrameSource? frames = null,
    ISnapshotEvents? events = null)
{
    public const string FrameDataField = "frame_data";

    public async Task<Snapshot> CreateAsync(NewSnapshot request, CancellationToken cancellationToken)
    {
        var limits = options.Value;
        var errors = new ValidationErrors();
        var timestamp = ItemRules.ParseTimestamp(request.Timestamp, "timestamp", errors, clock);
        var labels = ItemRules.NormalizeLabels(request.Labels, errors);
        var note = ItemRules.NormalizeNote(request.Note, errors);
        var cameraId = ItemRules.NormalizeCameraId(request.CameraId, errors);
        var fromBuffer = string.IsNullOrEmpty(request.FrameData);
        if (fromBuffer)
        {
            // No image sent: take the full-resolution frame from the camera's recording buffer.
            cameraId ??= cameras?.Default?.Id;
            if (frames is null || cameras is null)
                errors.Add(FrameDataField, "frame_data is required here: this process has no recording buffer to take the frame from.");
            else if (cameras.Find(cameraId) is null)
                errors.Add("camera_id", cameras.UnknownCamera(cameraId));
        }
        if (!errors.IsEmpty) throw new RequestValidationException(errors);

        var bytes = fromBuffer
            ? await frames!.CaptureAsync(cameraId!, timestamp!.Value, cancellationToken)
            : FrameData.Decode(FrameDataField, request.FrameData!, limits.MaxImageBytes);
        var image = ImagePreparer.Prepare(FrameDataField, bytes, limits.MaxPixels, limits.ThumbnailMaxSide);

        var id = Guid.CreateVersion7(clock.GetUtcNow());
        var snapshot = new Snapshot
        {
            Id = id,
            OwnerId = user.OwnerId,
            CameraId = cameraId,
            Timestamp = timestamp!.Value,
            Labels = labels,
            Note = note,
            ContentType = image.ContentType,
            Width = image.Width,
            Height = image.Height,
            SizeBytes = bytes.Length,
            ImageKey = MediaKeys.SnapshotImage(id, image.Extension),
            ThumbnailKey = MediaKeys.SnapshotThumbnail(id),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };

        await UploadAsync(snapshot, bytes, image.Thumbnail, cancellationToken);
        try
        {
            db.Snapshots.Add(snapshot);
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (Exception ex)
        {
            db.ChangeTracker.Clear();
            // The connection can drop after the commit, before its answer: then the snapshot is stored after all.
            var stored = await StoredAfterAllAsync(id);
            if (stored == true)
            {
                LogCreated(logger, snapshot.Id, snapshot.Width, snapshot.Height, snapshot.SizeBytes);
                await AnnounceAsync(snapshot, events => events.CreatedAsync(snapshot, CancellationToken.None));
                return snapshot;
            }
            // Not stored (the database, a client that went away): its objects must not stay behind. Not known (the
            // database is away): they stay, and the media audit removes them after its grace period if no row names them.
            if (stored == false) await RemoveObjectsAsync(snapshot, CancellationToken.None);
            if (!DatabaseErrors.IsDatabaseFailure(ex)) throw;
            throw new DependencyUnavailableException(DependencyUnavailableException.Database,
                "The snapshot could not be saved in the database; nothing was kept. Try again once the database is back.", ex);
        }
        LogCreated(logger, snapshot.Id, snapshot.Width, snapshot.Height, snapshot.SizeBytes);
        await AnnounceAsync(snapshot, events => events.CreatedAsync(snapshot, CancellationToken.None));
        return snapshot;
    }

    /// <summary>Whether the row is there after a save that failed; null when the database cannot say.</summary>
    private async Task<bool?> StoredAfterAllAsync(Guid id)
    {
        try
        {
            return await db.Snapshots.AsNoTracking().AnyAsync(s => s.Id == id, CancellationToken.None);
        }
        catch (Exception ex) when (DatabaseErrors.IsDatabaseFailure(ex))
        {
            return null;
        }
    }

    public Task<Snapshot?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        db.Snapshots.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id && s.OwnerId == user.OwnerId, cancellationToken);

    public Task<Page<Snapshot>> ListAsync(ListQuery query, CancellationToken cancellationToken) =>
        db.Snapshots.ToPageAsync(db, user.OwnerId, query, cancellationToken);

    public Task<int> CountAsync(ListQuery query, CancellationToken cancellationToken) =>
        db.Snapshots.CountMatchingAsync(db, user.OwnerId, query, cancellationToken);

    public Task<PageCursor?> SeekAsync(ListQuery query, int skip, CancellationToken cancellationToken) =>
        db.Snapshots.SeekAsync(db, user.OwnerId, query, skip, cancellationToken);

    /// <summary>Changes the labels or note; null when the owner has no such snapshot.</summary>
    public Task<Snapshot?> EditAsync(Guid id, ItemEdit edit, CancellationToken cancellationToken) =>
        edit.ApplyAsync<Snapshot>(db, id, user.OwnerId, cancellationToken);

    /// <summary>Removes the objects, then the row; false when there is no such snapshot.</summary>
    public async Task<bool> DeleteAsync(Guid id, CancellationToken cancellationToken)
    {
        var snapshot = await db.Snapshots.FirstOrDefaultAsync(s => s.Id == id && s.OwnerId == user.OwnerId, cancellationToken);
        if (snapshot is null) return false;
        // Objects first: if the store is down the row stays and a retry finishes the job (deletes are idempotent).
        await store.DeleteAsync(snapshot.ImageKey, cancellationToken);
        await store.DeleteAsync(snapshot.ThumbnailKey, cancellationToken);
        db.Snapshots.Remove(snapshot);
        await db.SaveChangesAsync(cancellationToken);
        LogDeleted(logger, id);
        await AnnounceAsync(snapshot, events => events.DeletedAsync(snapshot, CancellationToken.None));
        return true;
    }

    private async Task AnnounceAsync(Snapshot snapshot, Func<ISnapshotEvents, Task> announce)
    {
        if (events is null) return;
        try
        {
            await announce(events);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // The snapshot is stored (or deleted); open pages and clients only miss the news and see it on their next load.
            LogAnnounceFailed(logger, snapshot.Id, ex.Message);
        }
    }

    [LoggerMessage(LogLevel.Warning, "Snapshot {SnapshotId} is stored or deleted but open pages could not be told: {Reason}")]
    private static partial void LogAnnounceFailed(ILogger logger, Guid snapshotId, string reason);

    private async Task UploadAsync(Snapshot snapshot, byte[] image, byte[] thumbnail, CancellationToken cancellationToken)
    {
        try
        {
            await store.PutAsync(snapshot.ImageKey, new MemoryStream(image, writable: false), image.Length, snapshot.ContentType, cancellationToken);
            await store.PutAsync(snapshot.ThumbnailKey, new MemoryStream(thumbnail, writable: false), thumbnail.Length, "image/jpeg", cancellationToken);
        }
        catch
        {
            await RemoveObjectsAsync(snapshot, CancellationToken.None);
            throw;
        }
    }

    private async Task RemoveObjectsAsync(Snapshot snapshot, CancellationToken cancellationToken)
    {
        foreach (var key in new[] { snapshot.ImageKey, snapshot.ThumbnailKey })
        {
            try
            {
                await store.DeleteAsync(key, cancellationToken);
            }
            catch (DependencyUnavailableException ex)
            {
                LogOrphan(logger, key, ex.Message);
            }
        }
    }

    [LoggerMessage(LogLevel.Information, "Snapshot {SnapshotId} stored ({Width}x{Height}, {SizeBytes} bytes)")]
    private static partial void LogCreated(ILogger logger, Guid snapshotId, int width, int height, long sizeBytes);

    [LoggerMessage(LogLevel.Information, "Snapshot {SnapshotId} deleted")]
    private static partial void LogDeleted(ILogger logger, Guid snapshotId);

    [LoggerMessage(LogLevel.Warning, "Could not remove {Key} after a failed snapshot; it is left in the store: {Reason}")]
    private static partial void LogOrphan(ILogger logger, string key, string reason);
}
