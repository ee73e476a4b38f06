using DogMonitor.Domain.Moments;
using DogMonitor.Domain.Clips;
using DogMonitor.Domain.Persistence;
using DogMonitor.Domain.Recording;
using DogMonitor.Domain.Storage;
using DogMonitor.Worker.Ffmpeg;
using Microsoft.EntityFrameworkCore;

namespace DogMonitor.Worker.Clips;

/// <summary>
/// Cuts a trimmed clip (<see cref="Clip.SourceClipId"/>) out of its source clip's own video, fetched from the media
/// store: the buffer the source was cut from may be long gone. Frame-accurate, as exact clips are: the source's MP4 is
/// one segment to the cutter.
/// </summary>
public sealed class TrimSource(IServiceScopeFactory scopes, IMediaStore store, IClipCutter cutter)
{
    /// <exception cref="TrimSourceGoneException">The source was deleted, or lost its video, before the trim was cut.</exception>
    public async Task<CutResult> CutAsync(Clip clip, Guid sourceId, string work, string outputPath, IProgress<double> progress, CancellationToken cancellationToken)
    {
        var key = await VideoKeyAsync(clip, sourceId, cancellationToken) ?? throw new TrimSourceGoneException();
        var source = Path.Combine(work, "source.mp4");
        await using (var media = await store.OpenReadAsync(key, cancellationToken) ?? throw new TrimSourceGoneException())
        await using (var file = File.Create(source))
            await media.Content.CopyToAsync(file, cancellationToken);
        var request = new CutRequest([new SegmentFile(source)], TimeSpan.FromMilliseconds(clip.SourceOffsetMs ?? 0),
            TimeSpan.FromMilliseconds(clip.DurationMs), CutMode.Exact, outputPath);
        return await cutter.CutAsync(request, progress, cancellationToken);
    }

    private async Task<string?> VideoKeyAsync(Clip clip, Guid sourceId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DogMonitorDbContext>().Clips.AsNoTracking()
            // A person trims their own clips, and keeps (copies) moments, which the web app let them see.
            .Where(c => c.Id == sourceId && (c.OwnerId == clip.OwnerId || c.OwnerId == MomentClips.Owner) && c.Status == ClipStatus.Ready)
            .Select(c => c.VideoKey).FirstOrDefaultAsync(cancellationToken);
    }
}
