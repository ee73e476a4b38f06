using System.Text;

namespace DogMonitor.Domain.Recording;

/// <summary>
/// A playlist file that its one writer only appends to, or replaces whole in one step (the buffer's index): the first
/// read parses all of it, later reads only what was appended since, unless the file was replaced in between.
/// </summary>
/// <remarks>
/// Replaced is told by the first bytes (the header, whose <c>EXT-X-MEDIA-SEQUENCE</c> moves on whenever segments leave
/// the front, and the first segment's date) and by the last line read, which must still end where the last read
/// stopped. Only whole lines are read: the writer may be in the middle of one.
/// </remarks>
public sealed class GrowingPlaylistFile(string path)
{
    private const int HeaderBytes = 256;
    private static readonly HlsMediaPlaylist Empty = new([]);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private HlsMediaReader _reader = new();
    private HlsMediaPlaylist _playlist = Empty;
    private byte[] _header = [];
    private byte[] _lastLine = [];
    private long _length;

    /// <summary>The playlist as the file holds it now; empty when there is no file.</summary>
    /// <exception cref="FormatException">The file is not a media playlist whose segments can be placed in time.</exception>
    public async Task<HlsMediaPlaylist> ReadAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            FileStream stream;
            try
            {
                stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, bufferSize: 1, useAsync: true);
            }
            catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
            {
                Reset();
                return Empty;
            }

            await using (stream)
            {
                var length = stream.Length;
                if (!await ContinuesAsync(stream, length, cancellationToken)) Reset();
                if (length == _length) return _playlist;
                try
                {
                    await ReadOnAsync(stream, length, cancellationToken);
                }
                catch
                {
                    Reset();
                    throw;
                }
                return _playlist;
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task ReadOnAsync(FileStream stream, long length, CancellationToken cancellationToken)
    {
        var appended = new byte[length - _length];
        stream.Position = _length;
        var read = await stream.ReadAtLeastAsync(appended, appended.Length, throwOnEndOfStream: false, cancellationToken);
        var end = Array.LastIndexOf(appended, (byte)'\n', read - 1) + 1;
        if (end == 0) return; // not one whole line yet
        _reader.Read(Encoding.UTF8.GetString(appended, 0, end));
        if (_length == 0) _header = appended[..Math.Min(HeaderBytes, end)];
        var lineStart = end >= 2 ? Array.LastIndexOf(appended, (byte)'\n', end - 2) + 1 : 0;
        _lastLine = appended[lineStart..end];
        _length += end;
        _playlist = _reader.ToPlaylist();
    }

    // Whether the file is the one last read, grown or not.
    private async Task<bool> ContinuesAsync(FileStream stream, long length, CancellationToken cancellationToken)
    {
        if (_length == 0) return true;
        if (length < _length) return false;
        return await BytesAtAsync(stream, 0, _header, cancellationToken) && await BytesAtAsync(stream, _length - _lastLine.Length, _lastLine, cancellationToken);
    }

    private static async Task<bool> BytesAtAsync(FileStream stream, long position, byte[] expected, CancellationToken cancellationToken)
    {
        var actual = new byte[expected.Length];
        stream.Position = position;
        var read = await stream.ReadAtLeastAsync(actual, actual.Length, throwOnEndOfStream: false, cancellationToken);
        return read == expected.Length && actual.AsSpan().SequenceEqual(expected);
    }

    private void Reset()
    {
        _reader = new HlsMediaReader();
        _playlist = Empty;
        (_header, _lastLine, _length) = ([], [], 0);
    }
}
