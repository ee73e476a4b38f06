namespace DogMonitor.Tests.Worker.Ffmpeg;

/// <summary>
/// Recording-buffer segments made once for the cutter's tests, as the recorder makes them: testsrc2 at 640x360 and
/// 25 fps, libx264 with a keyframe every 50 frames, cut into 2 s MPEG-TS files each starting on a keyframe.
/// Run A is 12 s, run B a 6 s run started afresh (its timestamps start again, as after a recorder restart),
/// run C 6 s with AAC audio.
/// </summary>
public sealed class BufferSegments : IAsyncLifetime
{
    public const int FramesPerSecond = 25;
    public const int FramesPerSegment = 50;

    public string Directory { get; } = Path.Combine(Path.GetTempPath(), $"dogmonitor-cutter-tests-{Guid.NewGuid():N}");

    public IReadOnlyList<string> RunA => Segments("a", 6);
    public IReadOnlyList<string> RunB => Segments("b", 3);
    public IReadOnlyList<string> RunC => Segments("c", 3);

    public async ValueTask InitializeAsync()
    {
        System.IO.Directory.CreateDirectory(Directory);
        await Task.WhenAll(MakeRunAsync("a", 12, audio: false), MakeRunAsync("b", 6, audio: false), MakeRunAsync("c", 6, audio: true));
        var missing = RunA.Concat(RunB).Concat(RunC).FirstOrDefault(path => !File.Exists(path));
        if (missing is not null) throw new InvalidOperationException($"ffmpeg did not make the test segment {missing}.");
    }

    public ValueTask DisposeAsync()
    {
        System.IO.Directory.Delete(Directory, recursive: true);
        return ValueTask.CompletedTask;
    }

    /// <summary>A path for a test's output in this fixture's folder.</summary>
    public string OutputPath(string name) => Path.Combine(Directory, "out", $"{name}-{Guid.NewGuid():N}.mp4");

    private IReadOnlyList<string> Segments(string run, int count) =>
        Enumerable.Range(0, count).Select(i => Path.Combine(Directory, $"{run}-{i:000}.ts")).ToList();

    private Task MakeRunAsync(string run, int seconds, bool audio)
    {
        var arguments = new List<string> { "-hide_banner", "-nostdin", "-loglevel", "error", "-f", "lavfi", "-i", "testsrc2=size=640x360:rate=25" };
        if (audio) arguments.AddRange(["-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000"]);
        arguments.AddRange(["-t", $"{seconds}", "-c:v", "libx264", "-preset", "veryfast", "-g", "50", "-keyint_min", "50", "-sc_threshold", "0", "-pix_fmt", "yuv420p"]);
        if (audio) arguments.AddRange(["-c:a", "aac"]);
        arguments.AddRange(["-f", "segment", "-segment_time", "2", "-segment_format", "mpegts", Path.Combine(Directory, $"{run}-%03d.ts")]);
        return FfmpegTool.RunAsync("ffmpeg", [.. arguments]);
    }
}
