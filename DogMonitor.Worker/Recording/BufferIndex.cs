using DogMonitor.Domain.Recording;

namespace DogMonitor.Worker.Recording;

/// <summary>
/// The recorder's copy of a camera's <c>buffer.m3u8</c>: every retained segment with its wall-clock span. Only
/// the camera's recorder changes it, from one loop, and saves it whole (atomically) after each change.
/// </summary>
internal sealed class BufferIndex(string path, HlsMediaPlaylist loaded)
{
    private readonly List<RecordedSegment> _segments = [.. loaded.Segments];
    private readonly HashSet<string> _names = [.. loaded.Segments.Select(s => s.FileName)];
    private long _mediaSequence = loaded.MediaSequence;
    private long _discontinuitySequence = loaded.DiscontinuitySequence;
    private string? _runPrefix;
    private bool _discontinuityPending;

    public IReadOnlyList<RecordedSegment> Segments => _segments;

    public DateTime? First => _segments.Count == 0 ? null : _segments[0].Start;

    public DateTime? Last => _segments.Count == 0 ? null : _segments[^1].End;

    public bool Contains(string fileName) => _names.Contains(fileName);

    /// <summary>Reads the buffer a previous run left, so restarting the app keeps the recording.</summary>
    /// <exception cref="FormatException">The file is not a playlist the recorder wrote.</exception>
    public static async Task<BufferIndex> LoadAsync(string path, CancellationToken cancellationToken)
    {
        var text = File.Exists(path) ? await File.ReadAllTextAsync(path, cancellationToken) : "";
        return new BufferIndex(path, HlsPlaylist.ParseMedia(text));
    }

    /// <summary>
    /// A new ffmpeg run starts: only its segments (named with <paramref name="segmentPrefix"/>) are taken from now
    /// on, and the first is marked as a discontinuity, since timestamps and encoder state start afresh.
    /// </summary>
    public void BeginRun(string segmentPrefix)
    {
        _runPrefix = segmentPrefix;
        _discontinuityPending = _segments.Count > 0;
    }

    /// <summary>Appends the live playlist's segments of the current run that the buffer does not list yet.</summary>
    /// <returns>The appended segments.</returns>
    public IReadOnlyList<RecordedSegment> AppendNew(IReadOnlyList<RecordedSegment> live)
    {
        var added = new List<RecordedSegment>();
        foreach (var segment in live)
        {
            var name = Path.GetFileName(segment.FileName);
            if (_runPrefix is null || !name.StartsWith(_runPrefix, StringComparison.Ordinal) || _names.Contains(name)) continue;
            var entry = segment with { FileName = name, DiscontinuityBefore = segment.DiscontinuityBefore || _discontinuityPending };
            _discontinuityPending = false;
            _segments.Add(entry);
            _names.Add(name);
            added.Add(entry);
        }
        return added;
    }

    /// <summary>Removes the <paramref name="count"/> oldest segments from the index (not from disk).</summary>
    public IReadOnlyList<RecordedSegment> DropOldest(int count)
    {
        var dropped = _segments.GetRange(0, Math.Min(count, _segments.Count));
        _segments.RemoveRange(0, dropped.Count);
        foreach (var segment in dropped) _names.Remove(segment.FileName);
        // Players that follow the playlist live rely on these counting what left the front.
        _mediaSequence += dropped.Count;
        _discontinuitySequence += dropped.Count(s => s.DiscontinuityBefore);
        return dropped;
    }

    public Task SaveAsync(CancellationToken cancellationToken) =>
        AtomicFile.WriteAllTextAsync(path, HlsPlaylist.Write(new HlsMediaPlaylist(_segments, _mediaSequence, _discontinuitySequence)), cancellationToken);
}
