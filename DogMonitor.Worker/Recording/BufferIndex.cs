using System.Text;
using DogMonitor.Domain.Recording;

namespace DogMonitor.Worker.Recording;

/// <summary>
/// The recorder's copy of a camera's <c>buffer.m3u8</c>: every retained segment with its wall-clock span and size. Only
/// the camera's recorder changes it, from one loop. New segments are appended to the file; when segments leave the
/// front (or the header must change) it is written whole, in one step, so readers never see half of it
/// (<see cref="GrowingPlaylistFile"/> reads it on from where it stopped).
/// </summary>
internal sealed class BufferIndex(string path, HlsMediaPlaylist loaded)
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);
    private readonly List<RecordedSegment> _segments = [.. loaded.Segments];
    private readonly List<long> _sizes = [.. loaded.Segments.Select(s => SizeOf(path, s.FileName))];
    private readonly HashSet<string> _names = [.. loaded.Segments.Select(s => s.FileName)];
    private readonly Dictionary<string, int> _inits = loaded.Segments.Select(s => s.InitFileName).OfType<string>().CountBy(init => init).ToDictionary();
    private long _mediaSequence = loaded.MediaSequence;
    private long _discontinuitySequence = loaded.DiscontinuitySequence;
    private string? _runPrefix;
    private bool _discontinuityPending;
    private IRunDating? _runDating;
    private TimeSpan? _runShift;
    // What the file holds: the first _written segments, under a header good for segments up to _writtenTarget seconds
    // and (or not) for maps. Loading always writes the file anew once: a crash may have left half a line at its end.
    private int _written;
    private int _writtenTarget;
    private bool _writtenMaps;
    private bool _rewrite = true;

    public IReadOnlyList<RecordedSegment> Segments => _segments;

    /// <summary>Each segment's size in bytes (read once, when the segment came), same order as <see cref="Segments"/>.</summary>
    public IReadOnlyList<long> Sizes => _sizes;

    /// <summary>The running ffmpeg's segment names start with this (null before the first run).</summary>
    public string? RunPrefix => _runPrefix;

    public DateTime? First => _segments.Count == 0 ? null : _segments[0].Start;

    public DateTime? Last => _segments.Count == 0 ? null : _segments[^1].End;

    /// <summary>Whether the buffer needs the file: a listed segment, or the initialisation segment of one.</summary>
    public bool Contains(string fileName) => _names.Contains(fileName) || _inits.ContainsKey(fileName);

    /// <summary>Reads the buffer a previous run left, so restarting the app keeps the recording.</summary>
    /// <exception cref="FormatException">The file is not a playlist the recorder wrote.</exception>
    public static async Task<BufferIndex> LoadAsync(string path, CancellationToken cancellationToken)
    {
        var text = File.Exists(path) ? await File.ReadAllTextAsync(path, cancellationToken) : "";
        // Whole lines only: a crash in the middle of an append leaves half of one, which the first save writes over.
        return new BufferIndex(path, HlsPlaylist.ParseMedia(text[..(text.LastIndexOf('\n') + 1)]));
    }

    /// <summary>
    /// A new ffmpeg run starts: only its segments (named with <paramref name="segmentPrefix"/>) are taken from now
    /// on, and the first is marked as a discontinuity, since timestamps and encoder state start afresh.
    /// </summary>
    /// <param name="segmentPrefix">The run's segment names start with it.</param>
    /// <param name="dating">
    /// How to correct ffmpeg's dates (<see cref="IRunDating"/>): ffmpeg's own program date-times start when its muxer
    /// is ready, a second or so after the first frame. Null keeps them.
    /// </param>
    public void BeginRun(string segmentPrefix, IRunDating? dating = null)
    {
        _runPrefix = segmentPrefix;
        _discontinuityPending = _segments.Count > 0;
        _runDating = dating;
        _runShift = null;
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
            var start = segment.Start + (_runShift ??= ShiftFor(segment, name) ?? TimeSpan.Zero);
            var entry = segment with
            {
                FileName = name,
                Start = start,
                DiscontinuityBefore = segment.DiscontinuityBefore || _discontinuityPending,
                InitFileName = segment.InitFileName is { } init ? Path.GetFileName(init) : null,
            };
            _discontinuityPending = false;
            _segments.Add(entry);
            _sizes.Add(SizeOf(path, name));
            _names.Add(name);
            if (entry.InitFileName is { } map) _inits[map] = _inits.GetValueOrDefault(map) + 1;
            added.Add(entry);
        }
        return added;
    }

    // ffmpeg numbers a run's segments from 0 after the prefix. The shift is judged once, from the run's first segment
    // the buffer takes, and applies to the whole run, so its segments keep following one another.
    private TimeSpan? ShiftFor(RecordedSegment segment, string name) =>
        _runDating is { } dating && long.TryParse(Path.GetFileNameWithoutExtension(name)[_runPrefix!.Length..], out var sequence)
            ? dating.ShiftFor(segment, sequence)
            : null;

    /// <summary>Removes the <paramref name="count"/> oldest segments from the index (not from disk).</summary>
    /// <returns>The dropped segments, and the initialisation segments no remaining segment needs.</returns>
    public (IReadOnlyList<RecordedSegment> Segments, IReadOnlyList<string> Inits) DropOldest(int count)
    {
        var dropped = _segments.GetRange(0, Math.Min(count, _segments.Count));
        _segments.RemoveRange(0, dropped.Count);
        _sizes.RemoveRange(0, dropped.Count);
        _rewrite |= dropped.Count > 0;
        var inits = new List<string>();
        foreach (var segment in dropped)
        {
            _names.Remove(segment.FileName);
            if (segment.InitFileName is not { } init) continue;
            if (--_inits[init] > 0) continue;
            _inits.Remove(init);
            // The running ffmpeg's segments to come need its init, even when retention took all it had written (a clock
            // stepped forward); the orphan sweep spares it while the run lasts.
            if (_runPrefix is null || !init.StartsWith(_runPrefix, StringComparison.Ordinal)) inits.Add(init);
        }
        // Players that follow the playlist live rely on these counting what left the front.
        _mediaSequence += dropped.Count;
        _discontinuitySequence += dropped.Count(s => s.DiscontinuityBefore);
        return (dropped, inits);
    }

    /// <summary>
    /// Brings the file up to date: appends the segments added since the last save, or writes it whole when segments
    /// left the front or the header no longer fits the new ones.
    /// </summary>
    public async Task SaveAsync(CancellationToken cancellationToken)
    {
        if (!_rewrite && _written == _segments.Count) return;
        var added = _segments.Skip(_written);
        // A file someone removed is written whole again, header first.
        if (_rewrite || !File.Exists(path) || added.Any(s => HlsPlaylist.TargetDuration(s) > _writtenTarget || (HlsPlaylist.NeedsVersion6(s) && !_writtenMaps)))
        {
            await AtomicFile.WriteAllTextAsync(path, HlsPlaylist.Write(new HlsMediaPlaylist(_segments, _mediaSequence, _discontinuitySequence)), cancellationToken);
            (_writtenTarget, _writtenMaps) = _segments.Count == 0 ? (1, false) : (_segments.Max(HlsPlaylist.TargetDuration), _segments.Any(HlsPlaylist.NeedsVersion6));
            (_written, _rewrite) = (_segments.Count, false);
            return;
        }

        var text = HlsPlaylist.AppendSegments(new StringBuilder(), added, _written > 0 ? _segments[_written - 1] : null).ToString();
        try
        {
            await File.AppendAllTextAsync(path, text, Utf8, cancellationToken);
        }
        catch
        {
            _rewrite = true; // part of it may be there (a full disk): the next save writes the file whole
            throw;
        }
        _written = _segments.Count;
    }

    private static long SizeOf(string playlistPath, string fileName)
    {
        var file = new FileInfo(Path.Combine(Path.GetDirectoryName(playlistPath)!, fileName));
        return file.Exists ? file.Length : 0;
    }
}
