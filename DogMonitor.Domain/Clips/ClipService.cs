using DogMonitor.Domain.Cameras;
using DogMonitor.Domain.Owners;
using DogMonitor.Domain.Paging;
using DogMonitor.Domain.Persistence;
using DogMonitor.Domain.Problems;
using DogMonitor.Domain.Validation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DogMonitor.Domain.Clips;

/// <summary>
/// Queues (through <see cref="ClipQueue"/>), lists and deletes a person's clips.
/// </summary>
public sealed class ClipService(
    DogMonitorDbContext db,
    ClipRemoval removal,
    ClipQueue queue,
    VisibleCameras cameras,
    ICurrentUser user,
    IOptions<ClipOptions> options,
    TimeProvider clock)
{
    public async Task<Clip> CreateAsync(NewClip request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var errors = new ValidationErrors();
        var start = ClipRules.ParseStart(request.StartTs, options.Value, now, errors);
        var duration = ClipRules.CheckDuration(request.DurationMs, options.Value, errors);
        var labels = ItemRules.NormalizeLabels(request.Labels, errors);
        var note = ItemRules.NormalizeNote(request.Note, errors);
        var mode = ClipRules.ParseMode(request.Mode, errors);
        var cameraId = ItemRules.NormalizeCameraId(request.CameraId, errors) ?? cameras.Default?.Id;
        if (cameras.Find(cameraId) is null)
            errors.Add("camera_id", cameras.UnknownCamera(cameraId));
        if (!errors.IsEmpty) throw new RequestValidationException(errors);

        var clip = new Clip
        {
            Id = Guid.CreateVersion7(clock.GetUtcNow()),
            OwnerId = user.OwnerId,
            CameraId = cameraId!,
            Timestamp = start!.Value,
            DurationMs = duration!.Value,
            Mode = mode,
            Labels = labels,
            Note = note,
            Status = ClipStatus.Queued,
            CreatedAt = now,
            UpdatedAt = now,
        };
        return await queue.QueueAsync(clip, now, cancellationToken);
    }

    /// <summary>
    /// Queues a new clip cut from a ready clip's own video (so it works after the buffer has moved on), frame-accurate;
    /// with <see cref="ClipTrim.Replace"/> it takes the source's place once ready. Null when the owner has no such clip;
    /// throws <see cref="ConflictException"/> for a clip not ready and <see cref="RequestValidationException"/> for a bad range.
    /// </summary>
    public async Task<Clip?> TrimAsync(Guid id, ClipTrim trim, CancellationToken cancellationToken)
    {
        var source = await FindAsync(id, cancellationToken);
        if (source is null) return null;
        if (source.Status != ClipStatus.Ready || source.VideoKey is null) throw new ConflictException(ClipRules.NotTrimmable(source.Status));
        var errors = new ValidationErrors();
        if (ClipRules.CheckTrim(source, trim.StartMs, trim.EndMs, errors) is not { } range) throw new RequestValidationException(errors);
        if (trim.Replace && await db.Clips.AnyAsync(c => c.SourceClipId == source.Id && c.ReplacesSource
                && (c.Status == ClipStatus.Queued || c.Status == ClipStatus.Processing), cancellationToken))
            throw new ConflictException(ClipRules.AlreadyBeingReplaced);

        var now = clock.GetUtcNow().UtcDateTime;
        var clip = ClipCopy.Of(source, range.OffsetMs, range.DurationMs, user.OwnerId, Guid.CreateVersion7(clock.GetUtcNow()), now, trim.Replace);
        return await queue.QueueAsync(clip, now, cancellationToken);
    }

    public Task<Clip?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        db.Clips.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id && c.OwnerId == user.OwnerId, cancellationToken);

    public Task<Page<Clip>> ListAsync(ListQuery query, ClipStatus? status, CancellationToken cancellationToken)
    {
        var clips = db.Clips.AsQueryable();
        if (status is { } wanted) clips = clips.Where(c => c.Status == wanted);
        return clips.ToPageAsync(db, user.OwnerId, query, cancellationToken);
    }

    public Task<int> CountAsync(ListQuery query, CancellationToken cancellationToken) =>
        db.Clips.CountMatchingAsync(db, user.OwnerId, query, cancellationToken);

    public Task<PageCursor?> SeekAsync(ListQuery query, int skip, CancellationToken cancellationToken) =>
        db.Clips.SeekAsync(db, user.OwnerId, query, skip, cancellationToken);

    /// <summary>Changes the labels or note (a cut under way is not disturbed); null when the owner has no such clip.</summary>
    public Task<Clip?> EditAsync(Guid id, ItemEdit edit, CancellationToken cancellationToken) =>
        edit.ApplyAsync<Clip>(db, id, user.OwnerId, cancellationToken);

    /// <summary>Deletes the clip, row and media (<see cref="ClipRemoval"/>); false when the owner has no such clip.</summary>
    public async Task<bool> DeleteAsync(Guid id, CancellationToken cancellationToken)
    {
        var clip = await db.Clips.FirstOrDefaultAsync(c => c.Id == id && c.OwnerId == user.OwnerId, cancellationToken);
        if (clip is null) return false;
        await removal.RemoveAsync(clip, cancellationToken);
        return true;
    }
}
