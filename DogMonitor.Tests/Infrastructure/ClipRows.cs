using DogMonitor.Domain.Clips;
using DogMonitor.Domain.Persistence;
using DogMonitor.Worker.Clips;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace DogMonitor.Tests.Infrastructure;

/// <summary>Clip rows as a worker or the sweeper finds them after something went wrong, written straight to the database.</summary>
internal static class ClipRows
{
    /// <param name="attempts">Attempts already used; <see cref="MaxAttempts"/> for a clip no worker may take again.</param>
    /// <param name="lease">Until when its (dead) worker's lease runs, for a processing clip.</param>
    /// <param name="id">The clip's id; a new one when null. A ready clip names its objects' keys (<see cref="ClipKeys"/>), whether or not they are in the store.</param>
    /// <param name="withSprite">Whether a ready clip names a scrub strip too.</param>
    public static async Task<Guid> InsertAsync(DogMonitorApp app, ClipStatus status, int attempts, DateTime? lease, DateTime start, int progress = 0, Guid? id = null, bool withSprite = false)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DogMonitorDbContext>();
        var now = DateTime.UtcNow;
        var clip = new Clip
        {
            Id = id ?? Guid.CreateVersion7(), OwnerId = app.OwnerId, CameraId = RecordingApp.CameraId, Timestamp = start, DurationMs = 2000,
            Mode = ClipMode.Exact, Status = status, Progress = progress, Attempts = attempts, CreatedAt = now, UpdatedAt = now,
            ClaimToken = status == ClipStatus.Processing ? Guid.NewGuid() : null, LeaseUntil = lease,
        };
        if (status == ClipStatus.Ready)
            (clip.VideoKey, clip.PreviewKey, clip.PreviewSpriteKey, clip.Progress, clip.ProducedDurationMs) =
                (ClipKeys.Video(clip.Id), ClipKeys.Preview(clip.Id), withSprite ? ClipKeys.Sprite(clip.Id) : null, 100, 2000);
        db.Clips.Add(clip);
        await db.SaveChangesAsync();
        return clip.Id;
    }

    /// <summary>Lets a processing clip's lease run out now, as when its worker died.</summary>
    public static async Task ExpireLeaseAsync(DogMonitorApp app, Guid id)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DogMonitorDbContext>();
        var clip = await db.Clips.FindAsync(id) ?? throw new InvalidOperationException($"Clip {id} is not in the database.");
        clip.LeaseUntil = DateTime.UtcNow.AddSeconds(-1);
        await db.SaveChangesAsync();
    }

    public static int MaxAttempts(DogMonitorApp app) => app.Services.GetRequiredService<IOptions<ClipOptions>>().Value.MaxAttempts;

    /// <summary>The app's own lease sweeper (a hosted service), to sweep now rather than on its timer.</summary>
    public static ClipLeaseSweeper Sweeper(DogMonitorApp app) => app.Services.GetServices<IHostedService>().OfType<ClipLeaseSweeper>().Single();
}
