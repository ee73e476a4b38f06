using System.Collections.Concurrent;
using DogMonitor.Domain.Cameras;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DogMonitor.Domain.Recording;

/// <summary>
/// <see cref="IRecordingBuffer"/> over the shared buffer folder: reads each camera's <c>buffer.m3u8</c> (after the first
/// read, only what was appended since) and holds a cut's segments by hard-linking them into the cut's own folder, which
/// retention never touches.
/// </summary>
public sealed partial class RecordingBuffer(BufferLayout layout, IOptions<RecordingOptions> options, TimeProvider clock, ILogger<RecordingBuffer> logger) : IRecordingBuffer
{
    /// <summary>How often a reservation waiting for the recording looks at the buffer again.</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(400);

    // Each camera's index, read on from where the last read stopped (days of segments are parsed once, not per request).
    private readonly ConcurrentDictionary<string, GrowingPlaylistFile> _playlists = new(StringComparer.Ordinal);

    public async Task<BufferSpan?> GetSpanAsync(string cameraId, CancellationToken cancellationToken)
    {
        return BufferTimeline.Held(await ReadSegmentsAsync(cameraId, cancellationToken));
    }

    public async Task<BufferReservation> ReserveAsync(string cameraId, Guid clipId, DateTime start, DateTime end, CancellationToken cancellationToken)
    {
        var deadline = UtcTime.AsUtc(end) + RecordingTimings.ReserveGrace(options.Value);
        var retried = false;
        while (true)
        {
            var selection = SegmentSelection.Select(cameraId, await ReadSegmentsAsync(cameraId, cancellationToken), start, end);
            switch (selection.Outcome)
            {
                case SegmentSelectionOutcome.Covered:
                    var reservation = TryLink(cameraId, clipId, selection);
                    if (reservation is not null) return reservation;
                    // Retention took a segment between reading the playlist and linking it: the playlist has changed since.
                    if (retried) throw new RangeNotCoveredException(LostToRetention(cameraId, start, end));
                    LogSegmentGone(logger, cameraId, clipId);
                    retried = true;
                    break;
                case SegmentSelectionOutcome.NotYetRecorded when clock.GetUtcNow().UtcDateTime < deadline:
                    await Task.Delay(PollInterval, clock, cancellationToken);
                    break;
                default:
                    throw new RangeNotCoveredException(selection.Problem!);
            }
        }
    }

    public async Task<IReadOnlyList<RecordedSegment>> ReadSegmentsAsync(string cameraId, CancellationToken cancellationToken)
    {
        if (!CameraId.IsValid(cameraId)) throw new ArgumentException($"'{cameraId}' is not a valid camera id.", nameof(cameraId));
        var path = layout.BufferPlaylist(cameraId);
        try
        {
            return (await _playlists.GetOrAdd(cameraId, _ => new GrowingPlaylistFile(path)).ReadAsync(cancellationToken)).Segments;
        }
        catch (FormatException ex)
        {
            throw new InvalidDataException($"The buffer playlist {path} is not a valid HLS media playlist: {ex.Message}", ex);
        }
    }

    private BufferReservation? TryLink(string cameraId, Guid clipId, SegmentSelection selection)
    {
        var directory = layout.CutDirectory(cameraId, clipId);
        // A retried cut of the same clip starts from a clean folder.
        DeleteDirectory(directory);
        Directory.CreateDirectory(directory);
        // A run's initialisation segment serves many segments: linked once.
        string? Link(string fileName)
        {
            var link = Path.Combine(directory, Path.GetFileName(fileName));
            return File.Exists(link) || HardLink.TryCreate(layout.Segment(cameraId, fileName), link) ? link : null;
        }

        var files = new List<SegmentFile>(selection.Segments.Count);
        foreach (var segment in selection.Segments)
        {
            var init = segment.InitFileName is { } name ? Link(name) : null;
            var link = Link(segment.FileName);
            if (link is null || (segment.InitFileName is not null && init is null))
            {
                DeleteDirectory(directory);
                return null;
            }
            files.Add(new SegmentFile(link, init));
        }

        LogReserved(logger, selection.Segments.Count, cameraId, clipId);
        var released = 0;
        return new BufferReservation(files, selection.Segments, selection.StartOffset, selection.Gaps, () =>
        {
            if (Interlocked.Exchange(ref released, 1) == 0) DeleteDirectory(directory);
            return ValueTask.CompletedTask;
        });
    }

    private static void DeleteDirectory(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
    }

    private static string LostToRetention(string cameraId, DateTime start, DateTime end) =>
        $"The buffer of camera '{cameraId}' lost part of {new BufferSpan(UtcTime.AsUtc(start), UtcTime.AsUtc(end))} to retention while the clip was being prepared; ask for a more recent range.";

    [LoggerMessage(LogLevel.Debug, "Reserved {Count} segments of camera {CameraId} for clip {ClipId}")]
    private static partial void LogReserved(ILogger logger, int count, string cameraId, Guid clipId);

    [LoggerMessage(LogLevel.Information, "A segment of camera {CameraId} went away while reserving clip {ClipId}; reading the buffer again")]
    private static partial void LogSegmentGone(ILogger logger, string cameraId, Guid clipId);
}
