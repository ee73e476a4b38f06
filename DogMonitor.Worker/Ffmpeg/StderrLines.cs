namespace DogMonitor.Worker.Ffmpeg;

/// <summary>
/// The last lines ffmpeg wrote to stderr, bounded however long it runs: what <see cref="FfmpegException.StderrTail"/>
/// carries, and what the recorder reports as a camera's last error.
/// </summary>
internal sealed class StderrLines(int capacity = 20)
{
    private const int MaxLineLength = 500;
    private readonly Queue<string> _lines = new(capacity);
    private readonly Lock _lock = new();

    public void Add(string line)
    {
        if (string.IsNullOrWhiteSpace(line)) return;
        line = line.TrimEnd();
        if (line.Length > MaxLineLength) line = line[..MaxLineLength] + "…";
        lock (_lock)
        {
            if (_lines.Count == capacity) _lines.Dequeue();
            _lines.Enqueue(line);
        }
    }

    /// <summary>The last line, for the exception's message; empty when there is none.</summary>
    public string Last
    {
        get
        {
            lock (_lock) return _lines.Count == 0 ? "" : _lines.Last();
        }
    }

    /// <summary>The last <paramref name="lines"/> lines joined, cut to <paramref name="maxLength"/> characters from the end.</summary>
    public string Text(int lines = 3, int maxLength = 400)
    {
        string text;
        lock (_lock) text = string.Join(" | ", _lines.Skip(Math.Max(0, _lines.Count - lines)).Select(l => l.Trim()));
        return text.Length <= maxLength ? text : "…" + text[^maxLength..];
    }

    public override string ToString()
    {
        lock (_lock) return string.Join('\n', _lines);
    }
}
