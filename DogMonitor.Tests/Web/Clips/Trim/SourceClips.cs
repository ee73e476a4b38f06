using System.Collections.Concurrent;
using DogMonitor.Domain.Clips;
using DogMonitor.Domain.Persistence;
using DogMonitor.Domain.Storage;
using DogMonitor.Tests.Infrastructure;
using DogMonitor.Tests.Worker.Ffmpeg;
using Microsoft.Extensions.DependencyInjection;

namespace DogMonitor.Tests.Web.Clips.Trim;

/// <summary>
/// Ready clips to trim, stored as a worker leaves them (row, video, preview) in an app that records nothing: no buffer
/// holds their moment, so a trim can only come from the clip's own video. The video is real, made by ffmpeg from
/// testsrc2, whose clock in the top-left corner tells its frames apart, and so is its scrub strip.
/// </summary>
internal static class SourceClips
{
    public const int Width = 640;
    public const int Height = 360;
    public const int FramesPerSecond = 25;
    private static readonly ConcurrentDictionary<int, Lazy<Task<string>>> Videos = new();

    public sealed record SourceClip(Guid Id, string VideoPath);

    /// <summary>A ready clip of <paramref name="seconds"/> of real video; with <paramref name="brokenVideo"/> its stored "video" is not one.</summary>
    public static async Task<SourceClip> AddAsync(DogMonitorApp app, int seconds, string[]? labels = null, string? note = null, bool brokenVideo = false)
    {
        var path = await VideoAsync(seconds);
        var id = Guid.CreateVersion7();
        var video = brokenVideo ? "this is not a video at all"u8.ToArray() : await File.ReadAllBytesAsync(path);
        var preview = TestImages.Jpeg(Width, Height);
        await using var scope = app.Services.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<IMediaStore>();
        await store.PutAsync(ClipKeys.Video(id), new MemoryStream(video), video.Length, "video/mp4", CancellationToken.None);
        await store.PutAsync(ClipKeys.Preview(id), new MemoryStream(preview), preview.Length, "image/jpeg", CancellationToken.None);
        var sprite = brokenVideo ? null : await SpriteAsync(path);
        if (sprite is not null) await store.PutAsync(ClipKeys.Sprite(id), new MemoryStream(sprite), sprite.Length, "image/jpeg", CancellationToken.None);
        var db = scope.ServiceProvider.GetRequiredService<DogMonitorDbContext>();
        var now = DateTime.UtcNow;
        db.Clips.Add(new Clip
        {
            Id = id, OwnerId = app.OwnerId, CameraId = RecordingApp.CameraId, Timestamp = now.AddHours(-2), DurationMs = seconds * 1000,
            Mode = ClipMode.Exact, Labels = [.. labels ?? ["zoomies"]], Note = note, Status = ClipStatus.Ready, Progress = 100,
            VideoKey = ClipKeys.Video(id), PreviewKey = ClipKeys.Preview(id), PreviewSpriteKey = sprite is null ? null : ClipKeys.Sprite(id), ProducedDurationMs = seconds * 1000, SizeBytes = video.Length,
            Width = Width, Height = Height, FramesPerSecond = FramesPerSecond, CreatedAt = now, UpdatedAt = now,
        });
        await db.SaveChangesAsync();
        return new SourceClip(id, path);
    }

    /// <summary>A strip as the worker makes one: ten frames of 160 px, side by side.</summary>
    private static async Task<byte[]> SpriteAsync(string video)
    {
        var seconds = await FfmpegTool.DurationAsync(video);
        var rate = (ClipRules.SpriteFrames / seconds).ToString("0.######", System.Globalization.CultureInfo.InvariantCulture);
        return await FfmpegTool.RunAsync("ffmpeg", "-v", "error", "-i", video, "-vf", $"fps={rate},scale={ClipRules.SpriteFrameWidth}:-2,tile={ClipRules.SpriteFrames}x1",
            "-frames:v", "1", "-c:v", "mjpeg", "-f", "image2pipe", "pipe:1");
    }

    /// <summary>A testsrc2 MP4 of <paramref name="seconds"/>, made once per length for the whole run.</summary>
    public static Task<string> VideoAsync(int seconds) => Videos.GetOrAdd(seconds, _ => new Lazy<Task<string>>(async () =>
    {
        var path = Path.Combine(Path.GetTempPath(), "dogmonitor-tests", $"source-{seconds}s-{Guid.NewGuid():N}.mp4");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await FfmpegTool.RunAsync("ffmpeg", "-v", "error", "-f", "lavfi", "-i", $"testsrc2=size={Width}x{Height}:rate={FramesPerSecond}",
            "-t", seconds.ToString(System.Globalization.CultureInfo.InvariantCulture), "-c:v", "libx264", "-preset", "ultrafast", "-g", "50",
            "-pix_fmt", "yuv420p", "-movflags", "+faststart", "-y", path);
        return path;
    })).Value;
}
