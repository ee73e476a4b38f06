using DogMonitor.Domain.Activity;
using DogMonitor.Domain.Clips;
using DogMonitor.Domain.Moments;
using DogMonitor.Domain.Persistence;
using DogMonitor.Tests.Infrastructure;
using DogMonitor.Tests.Web.Downloads;
using Microsoft.Extensions.DependencyInjection;

namespace DogMonitor.Tests.Web.Moments;

/// <summary>Moments written straight into an app's database and store, as the recorder and a worker would leave them.</summary>
internal static class StoredMoments
{
    public static async Task<Moment> AddAsync(DogMonitorApp app, DateTime? startedAt = null, ActivityKinds kinds = ActivityKinds.Motion,
        ClipStatus status = ClipStatus.Ready, string cameraId = "test-pattern")
    {
        var start = startedAt ?? new DateTime(2026, 12, 3, 9, 0, 0, DateTimeKind.Utc);
        var clip = await StoredClips.AddAsync(app, status, start.AddSeconds(-5), [.. ActivityKindNames.Of(kinds)], ownerId: MomentClips.Owner, cameraId: cameraId);
        var moment = new Moment
        {
            Id = Guid.CreateVersion7(),
            CameraId = cameraId,
            StartedAt = start,
            EndedAt = start.AddSeconds(3),
            Kinds = kinds,
            PeakMotion = kinds.HasFlag(ActivityKinds.Motion) ? 0.12 : 0,
            PeakSoundDbfs = kinds.HasFlag(ActivityKinds.Sound) ? -9.5 : null,
            ClipId = clip.Id,
            CreatedAt = DateTime.UtcNow,
        };
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DogMonitorDbContext>();
        db.Moments.Add(moment);
        await db.SaveChangesAsync();
        return moment;
    }
}
