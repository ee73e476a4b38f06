using DogMonitor.Domain.Recording;

namespace DogMonitor.Tests.Domain.Recording;

/// <summary>A buffer folder in /tmp with fake segment files, deleted afterwards.</summary>
internal sealed class TempBuffer : IDisposable
{
    public TempBuffer() => Directory.CreateDirectory(Layout.Root);

    public BufferLayout Layout { get; } = new(Path.Combine(Path.GetTempPath(), "dogmonitor-buffer-" + Guid.NewGuid().ToString("N")));

    /// <summary>Writes <paramref name="count"/> contiguous segments of <paramref name="seconds"/> each from <paramref name="start"/>, files included.</summary>
    public List<RecordedSegment> Record(string cameraId, DateTime start, int count, double seconds = 2, string run = "run1")
    {
        var segments = Enumerable.Range(0, count)
            .Select(i => new RecordedSegment($"seg-{run}-{i:D6}.ts", start.AddSeconds(i * seconds), TimeSpan.FromSeconds(seconds)))
            .ToList();
        Write(cameraId, segments);
        return segments;
    }

    public void Write(string cameraId, IReadOnlyList<RecordedSegment> segments)
    {
        Directory.CreateDirectory(Layout.CameraDirectory(cameraId));
        foreach (var segment in segments)
        {
            var path = Layout.Segment(cameraId, segment.FileName);
            if (!File.Exists(path)) File.WriteAllText(path, $"video of {segment.FileName}");
        }
        // Replaced by rename, as the recorder does, since a reservation may be reading it meanwhile.
        var temp = Layout.BufferPlaylist(cameraId) + ".test-tmp";
        File.WriteAllText(temp, HlsPlaylist.Write(segments));
        File.Move(temp, Layout.BufferPlaylist(cameraId), overwrite: true);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Layout.Root, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
    }
}
