using DogMonitor.Domain.Clips;
using DogMonitor.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DogMonitor.Domain.Moments;

/// <summary>
/// Removes moments older than <see cref="MomentOptions.KeepFor"/>: their clips go as any clip goes (<see cref="ClipRemoval"/>),
/// and each moment with its reviews goes with its clip. Copies people kept are their own clips and stay.
/// </summary>
public sealed partial class MomentRetention(DogMonitorDbContext db, ClipRemoval removal, IOptions<MomentOptions> options, TimeProvider clock, ILogger<MomentRetention> logger)
{
    private const int Batch = 100;

    /// <returns>How many moments went.</returns>
    /// <exception cref="Problems.DependencyUnavailableException">The store cannot be reached: what is left waits for the next round.</exception>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var before = clock.GetUtcNow().UtcDateTime - options.Value.KeepFor;
        var removed = 0;
        var (afterAt, afterId) = (DateTime.MinValue, Guid.Empty);
        while (true)
        {
            var page = await db.Moments
                .Where(m => m.StartedAt < before && (m.StartedAt > afterAt || (m.StartedAt == afterAt && m.Id.CompareTo(afterId) > 0)))
                .OrderBy(m => m.StartedAt).ThenBy(m => m.Id).Take(Batch)
                .Join(db.Clips, m => m.ClipId, c => c.Id, (m, c) => new
                {
                    m.StartedAt, m.Id, Clip = c,
                    // A copy someone is keeping is cut from the moment's own video: the moment waits for it.
                    Copying = db.Clips.Any(copy => copy.SourceClipId == c.Id && (copy.Status == ClipStatus.Queued || copy.Status == ClipStatus.Processing)),
                })
                .ToListAsync(cancellationToken);
            foreach (var row in page.Where(r => !r.Copying))
            {
                try
                {
                    await removal.RemoveAsync(row.Clip, cancellationToken, row.Id);
                    removed++;
                }
                catch (DbUpdateConcurrencyException)
                {
                    db.ChangeTracker.Clear(); // another worker's round removed it first
                }
            }
            if (page.Count < Batch) break;
            (afterAt, afterId) = (page[^1].StartedAt, page[^1].Id);
        }
        if (removed > 0) LogRemoved(logger, removed, options.Value.KeepFor.TotalDays);
        return removed;
    }

    [LoggerMessage(LogLevel.Information, "Removed {Count} moments older than {Days} days, with their clips")]
    private static partial void LogRemoved(ILogger logger, int count, double days);
}
