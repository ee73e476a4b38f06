using System.Security.Cryptography;
using DogMonitor.Domain.Clips;
using DogMonitor.Domain.Persistence;
using DogMonitor.Domain.Sharing;
using DogMonitor.Domain.Storage;
using DogMonitor.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DogMonitor.Tests.Web.Downloads;

/// <summary>
/// Clips as the worker leaves them (row plus objects in the real store), for suites that run without a camera.
/// Cutting itself is tested with real ffmpeg elsewhere; these suites test what is served from what is stored.
/// </summary>
internal static class StoredClips
{
    public sealed record StoredClip(Guid Id, DateTime Timestamp, byte[] Video, byte[] Preview);

    public static async Task<StoredClip> AddAsync(DogMonitorApp app, ClipStatus status = ClipStatus.Ready,
        DateTime? timestamp = null, string[]? labels = null, string? note = null, bool storeObjects = true, string? ownerId = null, string cameraId = "test-pattern")
    {
        var id = Guid.CreateVersion7();
        var at = timestamp ?? new DateTime(2024, 10, 24, 10, 30, 0, DateTimeKind.Utc);
        // Bigger than any copy buffer, so streaming is exercised; random, so a wrong byte anywhere shows.
        var video = RandomNumberGenerator.GetBytes(300_000);
        var preview = TestImages.Jpeg(640, 360);
        var ready = status == ClipStatus.Ready;
        await using var scope = app.Services.CreateAsyncScope();
        if (ready && storeObjects)
        {
            var store = scope.ServiceProvider.GetRequiredService<IMediaStore>();
            await store.PutAsync(ClipKeys.Video(id), new MemoryStream(video), video.Length, "video/mp4", CancellationToken.None);
            await store.PutAsync(ClipKeys.Preview(id), new MemoryStream(preview), preview.Length, "image/jpeg", CancellationToken.None);
        }
        var db = scope.ServiceProvider.GetRequiredService<DogMonitorDbContext>();
        db.Clips.Add(new Clip
        {
            Id = id,
            OwnerId = ownerId ?? app.OwnerId,
            CameraId = cameraId,
            Timestamp = at,
            DurationMs = 5000,
            Labels = [.. labels ?? ["fetch", "good-boy"]],
            Note = note,
            Status = status,
            Progress = ready ? 100 : 0,
            Error = status == ClipStatus.Failed ? "The recording buffer holds nothing at that time." : null,
            VideoKey = ready ? ClipKeys.Video(id) : null,
            PreviewKey = ready ? ClipKeys.Preview(id) : null,
            ProducedDurationMs = ready ? 5000 : null,
            SizeBytes = ready ? video.Length : null,
            Width = ready ? 640 : null,
            Height = ready ? 360 : null,
            CreatedAt = DateTime.UtcNow,
            UpdatedAt = DateTime.UtcNow,
        });
        await db.SaveChangesAsync();
        return new StoredClip(id, at, video, preview);
    }

    /// <summary>Moves every link of the clip into the past, as time would.</summary>
    public static async Task ExpireLinksAsync(DogMonitorApp app, Guid clipId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DogMonitorDbContext>().ShareLinks.Where(l => l.ClipId == clipId)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.ExpiresAt, new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc)));
    }

    public static async Task DeleteObjectAsync(DogMonitorApp app, string key)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IMediaStore>().DeleteAsync(key, CancellationToken.None);
    }
}
