using DogMonitor.Domain.Activity;
using DogMonitor.Domain.Cameras;
using DogMonitor.Domain.Clips;
using DogMonitor.Domain.Owners;
using DogMonitor.Domain.Paging;
using DogMonitor.Domain.Persistence;
using DogMonitor.Domain.Problems;
using Microsoft.EntityFrameworkCore;

namespace DogMonitor.Domain.Moments;

/// <summary>
/// The moments a person may see (those of the cameras they are granted, all of them for an admin), each reviewed or
/// not by that person, and "Keep", which copies a moment's clip into their own clips.
/// </summary>
public sealed class MomentService(DogMonitorDbContext db, VisibleCameras cameras, ICurrentUser user, ClipQueue queue, TimeProvider clock)
{
    public async Task<Page<MomentView>> ListAsync(MomentQuery query, CancellationToken cancellationToken)
    {
        var me = user.OwnerId;
        var moments = Filtered(query);
        if (query.Cursor is { } cursor)
            moments = moments.Where(m => m.StartedAt <= cursor.Time && (m.StartedAt < cursor.Time || m.Id.CompareTo(cursor.Id) < 0));
        var rows = await moments.OrderByDescending(m => m.StartedAt).ThenByDescending(m => m.Id)
            .Take(query.Limit + 1)
            .Join(db.Clips, m => m.ClipId, c => c.Id, (m, c) => new { Moment = m, Clip = c, Reviewed = db.MomentReviews.Any(r => r.MomentId == m.Id && r.UserId == me) })
            .AsNoTracking()
            .ToListAsync(cancellationToken);
        var items = rows.Select(r => new MomentView(r.Moment, r.Clip, r.Reviewed)).ToList();
        if (items.Count <= query.Limit) return new Page<MomentView>(items, null);
        items.RemoveAt(items.Count - 1);
        return new Page<MomentView>(items, new PageCursor(items[^1].Moment.StartedAt, items[^1].Moment.Id));
    }

    /// <summary>Null when there is no such moment, or it is on a camera the caller is not granted.</summary>
    public async Task<MomentView?> FindAsync(Guid id, CancellationToken cancellationToken)
    {
        var me = user.OwnerId;
        var row = await Visible().Where(m => m.Id == id)
            .Join(db.Clips, m => m.ClipId, c => c.Id, (m, c) => new { Moment = m, Clip = c, Reviewed = db.MomentReviews.Any(r => r.MomentId == m.Id && r.UserId == me) })
            .AsNoTracking()
            .FirstOrDefaultAsync(cancellationToken);
        return row is null ? null : new MomentView(row.Moment, row.Clip, row.Reviewed);
    }

    /// <summary>Marks it reviewed by the caller (again is fine); null when the caller cannot see it.</summary>
    public async Task<MomentView?> MarkReviewedAsync(Guid id, CancellationToken cancellationToken)
    {
        var moment = await FindAsync(id, cancellationToken);
        if (moment is null || moment.Reviewed) return moment;
        db.MomentReviews.Add(new MomentReview { MomentId = id, UserId = user.OwnerId, ReviewedAt = clock.GetUtcNow().UtcDateTime });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another tab of the same person marked it at the same moment: then it is reviewed all the same.
            db.ChangeTracker.Clear();
            if (!await db.MomentReviews.AsNoTracking().AnyAsync(r => r.MomentId == id && r.UserId == user.OwnerId, cancellationToken)) throw;
        }
        return moment with { Reviewed = true };
    }

    /// <summary>Marks every moment the filters select (whatever the cursor) reviewed by the caller; returns how many were not yet.</summary>
    public async Task<int> MarkAllReviewedAsync(MomentQuery query, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var ids = await Filtered(query with { Reviewed = false }).Select(m => m.Id).ToListAsync(cancellationToken);
            db.MomentReviews.AddRange(ids.Select(id => new MomentReview { MomentId = id, UserId = user.OwnerId, ReviewedAt = now }));
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return ids.Count;
            }
            catch (DbUpdateException) when (attempt == 1)
            {
                // Another tab of the same person marked one meanwhile: forget this try (the circuit's context lives on) and look again.
                db.ChangeTracker.Clear();
            }
            catch (DbUpdateException)
            {
                db.ChangeTracker.Clear();
                throw;
            }
        }
    }

    /// <summary>
    /// Copies the moment's clip into the caller's own clips (cut from the moment's video, so it outlives the moment),
    /// with the moment's kinds as labels; null when the caller cannot see it.
    /// </summary>
    /// <exception cref="ConflictException">The moment's clip is not ready yet.</exception>
    public async Task<Clip?> KeepAsync(Guid id, CancellationToken cancellationToken)
    {
        var moment = await FindAsync(id, cancellationToken);
        if (moment is null) return null;
        var source = moment.Clip;
        if (source.Status != ClipStatus.Ready || source.VideoKey is null) throw new ConflictException(ClipRules.NotKeepable(source.Status));
        var now = clock.GetUtcNow().UtcDateTime;
        var clip = ClipCopy.Of(source, 0, source.ProducedDurationMs ?? source.DurationMs, user.OwnerId, Guid.CreateVersion7(clock.GetUtcNow()), now);
        return await queue.QueueAsync(clip, now, cancellationToken);
    }

    private IQueryable<Moment> Filtered(MomentQuery query)
    {
        var moments = Visible();
        if (query.CameraId is { } camera) moments = moments.Where(m => m.CameraId == camera);
        if (query.From is { } from) moments = moments.Where(m => m.StartedAt >= from);
        if (query.To is { } to) moments = moments.Where(m => m.StartedAt < to);
        if (query.Kind is { } kind) moments = moments.Where(m => m.Kinds == kind || m.Kinds == (ActivityKinds.Motion | ActivityKinds.Sound));
        var me = user.OwnerId;
        if (query.Reviewed is { } reviewed)
            moments = moments.Where(m => db.MomentReviews.Any(r => r.MomentId == m.Id && r.UserId == me) == reviewed);
        return moments;
    }

    private IQueryable<Moment> Visible()
    {
        var granted = cameras.Cameras.Select(c => c.Id).ToList();
        return db.Moments.Where(m => granted.Contains(m.CameraId));
    }
}
