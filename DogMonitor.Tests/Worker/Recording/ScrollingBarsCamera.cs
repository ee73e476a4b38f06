using System.Diagnostics;
using System.Globalization;
using System.Text;
using DogMonitor.Tests.Infrastructure;

namespace DogMonitor.Tests.Worker.Recording;

/// <summary>
/// A real RTSP camera whose pictures say which frame they are, and which writes down when it took each one:
/// GStreamer's RTSP server (tools/rtsp-test-server, <c>--log-frames</c>) serving SMPTE bars that scroll
/// <see cref="PixelsPerFrame"/> to the left each frame (<see cref="ScrollingBars"/> reads the frame number back),
/// encoded as cameras do (H.264 Main, with or without B-frames, a keyframe every 4 s).
/// </summary>
internal sealed class ScrollingBarsCamera : IAsyncDisposable
{
    public const int Width = 640;
    public const int Height = 360;
    public const int FramesPerSecond = 25;
    public const int PixelsPerFrame = 2;

    /// <summary>The picture repeats after this many frames (12.8 s): a frame number is known modulo it.</summary>
    public const int Period = Width / PixelsPerFrame;

    public static readonly TimeSpan FrameInterval = TimeSpan.FromSeconds(1.0 / FramesPerSecond);

    private const string Python = "/usr/bin/python3";

    // x264 as fast as it goes, on all the machine's cores (its frame threads add to its delay, which the log shows).
    private static string Launch(int bFrames) =>
        FormattableString.Invariant($"( videotestsrc is-live=true pattern=smpte horizontal-speed={PixelsPerFrame} ! video/x-raw,width={Width},height={Height},framerate={FramesPerSecond}/1 ")
        + FormattableString.Invariant($"! x264enc speed-preset=ultrafast bframes={bFrames} key-int-max=100 ! video/x-h264,profile=main ! rtph264pay name=pay0 pt=96 )");

    private readonly Process _server;
    private readonly StringBuilder _said = new();

    private ScrollingBarsCamera(Process server, string log)
    {
        _server = server;
        LogPath = log;
    }

    public string Url { get; private set; } = "";

    /// <summary>The server's frame log (see rtsp_server.py's <c>--log-frames</c>).</summary>
    public string LogPath { get; }

    /// <param name="folder">Where the frame log goes.</param>
    /// <param name="bFrames">How many B-frames the encoder may put between two others (each waits for the one after it).</param>
    public static async Task<ScrollingBarsCamera> StartAsync(string folder, int bFrames)
    {
        Directory.CreateDirectory(folder);
        var log = Path.Combine(folder, "frames.log");
        var script = Path.Combine(Repository.Root ?? throw new InvalidOperationException("The tests run outside the repository: tools/rtsp-test-server is not found."),
            "tools", "rtsp-test-server", "rtsp_server.py");
        var start = new ProcessStartInfo(Python) { RedirectStandardOutput = true, RedirectStandardError = true };
        string[] arguments = [script, FreePort.Next().ToString(CultureInfo.InvariantCulture), "--launch", Launch(bFrames), "--log-frames", log];
        foreach (var argument in arguments) start.ArgumentList.Add(argument);

        Process server;
        try
        {
            server = Process.Start(start) ?? throw new InvalidOperationException($"{Python} did not start.");
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new InvalidOperationException($"This test needs {Python} with GStreamer's RTSP server; ./test.sh installs them.", ex);
        }

        var camera = new ScrollingBarsCamera(server, log);
        server.ErrorDataReceived += (_, line) => { lock (camera._said) camera._said.AppendLine(line.Data); };
        server.BeginErrorReadLine();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        try
        {
            // The server prints one line, "READY rtsp://…", once it listens.
            var ready = await server.StandardOutput.ReadLineAsync(timeout.Token);
            if (ready?.StartsWith("READY ", StringComparison.Ordinal) == true)
            {
                camera.Url = ready["READY ".Length..];
                return camera;
            }
        }
        catch (OperationCanceledException)
        {
        }

        await camera.DisposeAsync();
        lock (camera._said)
            throw new InvalidOperationException("GStreamer's RTSP server did not start (./test.sh installs its Debian packages: gir1.2-gst-rtsp-server-1.0 python3-gi "
                + $"gstreamer1.0-plugins-base gstreamer1.0-plugins-good gstreamer1.0-plugins-ugly). It said:\n{camera._said}");
    }

    // The server may be writing a line as it is read: whatever follows the last newline is not a whole line yet.
    /// <summary>Every frame the camera has taken so far.</summary>
    public IReadOnlyList<LoggedFrame> Frames() => LoggedFrame.Parse(File.ReadAllText(LogPath).Split('\n')[..^1]);

    public async ValueTask DisposeAsync()
    {
        if (!_server.HasExited) _server.Kill(entireProcessTree: true);
        await _server.WaitForExitAsync();
        _server.Dispose();
    }
}
