using DogMonitor.Domain.Clips;
using DogMonitor.Domain.Persistence;
using DogMonitor.Domain.Snapshots;
using DogMonitor.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DogMonitor.Tests.Web.Components;

/// <summary>Rows for component tests, written through the app's own services and database.</summary>
public static class GallerySeed
{
    public static Task<Snapshot> SnapshotAsync(DogMonitorApp app, string note, params string[] labels) => SnapshotOfAsync(app, app.OwnerId, note, labels);

    /// <summary>A snapshot stored by the user <paramref name="userId"/>, as their request would.</summary>
    public static async Task<Snapshot> SnapshotOfAsync(DogMonitorApp app, string userId, string note, params string[] labels)
    {
        await using var scope = await app.ScopeOfAsync(userId);
        var request = new NewSnapshot(DateTime.UtcNow.ToString("O"), labels, note, TestImages.DataUrl(TestImages.Jpeg(640, 360)), "test-pattern");
        return await scope.ServiceProvider.GetRequiredService<SnapshotService>().CreateAsync(request, CancellationToken.None);
    }

    /// <summary>A clip row in the given state, as a worker would have left it (no job is published).</summary>
    public static async Task<Clip> ClipAsync(DogMonitorApp app, ClipStatus status, int progress = 0, string? error = null, string? note = null)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DogMonitorDbContext>();
        var now = DateTime.UtcNow;
        var clip = new Clip
        {
            Id = Guid.CreateVersion7(),
            OwnerId = app.OwnerId,
            CameraId = "test-pattern",
            Timestamp = now.AddSeconds(-20),
            DurationMs = 10_000,
            Labels = ["zoomies"],
            Note = note,
            Status = status,
            Progress = progress,
            Error = error,
            CreatedAt = now,
            UpdatedAt = now,
            // Held by a worker for a long while: the app's sweeper leaves it alone during the test.
            LeaseUntil = status == ClipStatus.Processing ? now.AddHours(1) : null,
            ClaimToken = status == ClipStatus.Processing ? Guid.NewGuid() : null,
        };
        if (status == ClipStatus.Ready)
        {
            clip.VideoKey = ClipKeys.Video(clip.Id);
            clip.PreviewKey = ClipKeys.Preview(clip.Id);
        }
        db.Clips.Add(clip);
        await db.SaveChangesAsync();
        return clip;
    }

    /// <summary>What a worker's finish writes: ready, with its objects' keys.</summary>
    public static async Task MarkReadyAsync(DogMonitorApp app, Guid clipId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DogMonitorDbContext>();
        var clip = await db.Clips.SingleAsync(c => c.Id == clipId);
        (clip.Status, clip.Progress, clip.VideoKey, clip.PreviewKey, clip.UpdatedAt) =
            (ClipStatus.Ready, 100, ClipKeys.Video(clipId), ClipKeys.Preview(clipId), DateTime.UtcNow);
        await db.SaveChangesAsync();
    }
}
