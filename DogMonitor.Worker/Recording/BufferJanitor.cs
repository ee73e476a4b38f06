using DogMonitor.Domain.Recording;
using Microsoft.Extensions.Logging;

namespace DogMonitor.Worker.Recording;

/// <summary>
/// Keeps a camera's folder within its retention and disk budget, and tidies what crashes leave behind.
/// Segments leave <c>buffer.m3u8</c> before their files go, so readers never select a file about to vanish (except on
/// a disk too full to write the shorter playlist, where the files must go first); a segment a running cut holds
/// survives in the cut's folder as a hard link.
/// </summary>
internal sealed partial class BufferJanitor(BufferLayout layout, string cameraId, RecordingOptions options, TimeProvider clock, ILogger logger)
{
    /// <summary>A cut's folder older than this belongs to a cut that died without releasing it.</summary>
    public static readonly TimeSpan StaleCutAge = TimeSpan.FromHours(1);

    /// <summary>Files younger than this, relative to the newest listed segment, may still be in ffmpeg's hands.</summary>
    public static readonly TimeSpan OrphanMargin = TimeSpan.FromSeconds(30);

    /// <summary>How often the folder is searched for orphans and stale cuts while a run goes well (it holds days of files).</summary>
    public static readonly TimeSpan SweepInterval = TimeSpan.FromMinutes(10);

    private DateTime _nextSweep = DateTime.MinValue;

    /// <summary>
    /// Everything below, in order: retention, then orphans and stale cuts when <paramref name="sweep"/> is asked for
    /// (a run starting, after one that may have been killed) or <see cref="SweepInterval"/> has passed.
    /// </summary>
    public async Task TidyAsync(BufferIndex buffer, CancellationToken cancellationToken, bool sweep = true)
    {
        await ApplyRetentionAsync(buffer, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        if (!sweep && now < _nextSweep) return;
        DeleteOrphans(buffer);
        DeleteStaleCuts();
        _nextSweep = now + SweepInterval;
    }

    /// <summary>
    /// Drops segments past retention, over budget, or needed as free space on the disk
    /// (<see cref="RecordingOptions.MinFreeBytes"/>): first from the playlist (saved), then from disk.
    /// </summary>
    /// <returns>How many segments were dropped.</returns>
    public async Task<int> ApplyRetentionAsync(BufferIndex buffer, CancellationToken cancellationToken)
    {
        var segments = buffer.Segments;
        var bytesToFree = Math.Max(0, options.MinFreeBytes - FreeBytes());
        var count = RetentionPolicy.CountToDrop(
            segments.Select(s => s.End).ToList(),
            buffer.Sizes,
            clock.GetUtcNow().UtcDateTime,
            options.Retention,
            options.MaxBytesPerCamera,
            bytesToFree);
        // Dropping rewrites the index whole, so age and budget drop in batches of a hundredth of the buffer (the
        // buffer runs over by at most that much); space the disk needs goes at once.
        if (count == 0 || (bytesToFree == 0 && count < RetentionPolicy.Batch(segments.Count))) return 0;

        var (dropped, inits) = buffer.DropOldest(count);
        var files = dropped.Select(s => s.FileName).Concat(inits).ToList();
        try
        {
            await buffer.SaveAsync(cancellationToken);
        }
        catch (IOException) when (bytesToFree > 0)
        {
            // Too full to write even the shorter playlist: its dropped files go first to make room for it. A reader in
            // another process may find one missing for a moment; a running cut keeps its own hard links.
            foreach (var file in files) TryDelete(layout.Segment(cameraId, file));
            await buffer.SaveAsync(cancellationToken);
        }
        foreach (var file in files) TryDelete(layout.Segment(cameraId, file));
        if (bytesToFree > 0) LogFreedSpace(logger, cameraId, dropped.Count, options.MinFreeBytes / (1024 * 1024), buffer.First);
        else LogDropped(logger, cameraId, dropped.Count, buffer.First);
        return dropped.Count;
    }

    /// <summary>Free space on the disk holding the camera's buffer, in bytes (long.MaxValue when it cannot be read).</summary>
    public long FreeBytes()
    {
        try
        {
            return new DriveInfo(layout.CameraDirectory(cameraId)).AvailableFreeSpace;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return long.MaxValue;
        }
    }

    /// <summary>
    /// Deletes segment files (and initialisation segments) the buffer does not list and ffmpeg no longer writes (left
    /// by a crash or a kill), and the live view's own segments of an H.265 camera that a killed ffmpeg left behind.
    /// </summary>
    public int DeleteOrphans(BufferIndex buffer)
    {
        var before = (buffer.Last ?? clock.GetUtcNow().UtcDateTime) - OrphanMargin;
        var deleted = 0;
        var directory = layout.CameraDirectory(cameraId);
        foreach (var file in Directory.EnumerateFiles(directory, "seg-*").Concat(Directory.EnumerateFiles(directory, BufferLayout.LiveTranscodePrefix + "*")))
        {
            var name = Path.GetFileName(file);
            if (buffer.Contains(name) || IsRunning(name, buffer.RunPrefix) || File.GetLastWriteTimeUtc(file) >= before) continue;
            if (TryDelete(file)) deleted++;
        }
        if (deleted > 0) LogOrphans(logger, cameraId, deleted);
        return deleted;
    }

    // The running ffmpeg's files that no playlist the recorder keeps lists: its initialisation segments, and its live
    // encoding for viewers (which ffmpeg itself rolls).
    private static bool IsRunning(string name, string? runPrefix) =>
        runPrefix is not null && (name.StartsWith(runPrefix, StringComparison.Ordinal) || name.StartsWith(BufferLayout.LiveTranscodePrefix + runPrefix, StringComparison.Ordinal)
            || name == BufferLayout.LiveTranscodePrefix + "live.m3u8");

    /// <summary>Deletes cut folders older than <see cref="StaleCutAge"/>: their cut ended without releasing them.</summary>
    public int DeleteStaleCuts()
    {
        var cuts = Path.Combine(layout.CameraDirectory(cameraId), ".cuts");
        if (!Directory.Exists(cuts)) return 0;
        var before = clock.GetUtcNow().UtcDateTime - StaleCutAge;
        var deleted = 0;
        foreach (var directory in Directory.EnumerateDirectories(cuts))
        {
            if (Directory.GetLastWriteTimeUtc(directory) >= before) continue;
            try
            {
                Directory.Delete(directory, recursive: true);
                deleted++;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                LogNotDeleted(logger, directory, ex.Message);
            }
        }
        return deleted;
    }

    private bool TryDelete(string path)
    {
        try
        {
            File.Delete(path);
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            LogNotDeleted(logger, path, ex.Message);
            return false;
        }
    }

    [LoggerMessage(LogLevel.Warning, "Camera {CameraId}: the disk has less than {MinFreeMegabytes} MB free, so {Count} of the oldest segments went early; the buffer now starts at {First}")]
    private static partial void LogFreedSpace(ILogger logger, string cameraId, int count, long minFreeMegabytes, DateTime? first);

    [LoggerMessage(LogLevel.Debug, "Camera {CameraId}: retention dropped {Count} segments; the buffer now starts at {First}")]
    private static partial void LogDropped(ILogger logger, string cameraId, int count, DateTime? first);

    [LoggerMessage(LogLevel.Information, "Camera {CameraId}: deleted {Count} segment files that the buffer did not list")]
    private static partial void LogOrphans(ILogger logger, string cameraId, int count);

    [LoggerMessage(LogLevel.Warning, "Could not delete {Path}: {Reason}")]
    private static partial void LogNotDeleted(ILogger logger, string path, string reason);
}
