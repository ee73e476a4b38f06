using System.Collections.Concurrent;
using System.Diagnostics;

namespace DogMonitor.Tests.Infrastructure;

/// <summary>
/// A real RTSP camera on loopback: GStreamer's RTSP server from Debian's packages (tools/rtsp-test-server), serving
/// a test pattern at <c>/cam</c>, optionally behind a user name and password. ./test.sh installs GStreamer.
/// </summary>
public sealed class RtspTestServer : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private RtspTestServer(Process process, int port)
    {
        _process = process;
        Port = port;
    }

    public int Port { get; }

    /// <summary>What the server has printed so far: for a failing test's message.</summary>
    public string Output => string.Join('\n', _output);

    /// <summary>The stream's address, with <paramref name="credentials"/> ("user:password") if given.</summary>
    public string Url(string path = "/cam", string? credentials = null) =>
        credentials is null ? $"rtsp://127.0.0.1:{Port}{path}" : $"rtsp://{credentials}@127.0.0.1:{Port}{path}";

    /// <param name="auth">"user:password" the camera asks for; none when null.</param>
    /// <param name="port">The port to listen on (a camera coming back on its old address); a free one when null.</param>
    /// <param name="launch">The GStreamer launch line to serve (<see cref="StreamShape.Launch"/>); the script's H.264
    /// test pattern without sound when null.</param>
    /// <param name="switchSize">"AFTER:WxH": the picture changes to WxH that many seconds after the first client came, and
    /// stays so (the launch line needs a capsfilter named "size"); never when null.</param>
    public static async Task<RtspTestServer> StartAsync(string? auth = null, int? port = null, string? launch = null, string? switchSize = null)
    {
        const string Python = "/usr/bin/python3";
        var script = Path.Combine(RepositoryRoot(), "tools", "rtsp-test-server", "rtsp_server.py");
        var chosen = port ?? FreePort.Next();
        var start = new ProcessStartInfo(Python) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { script, chosen.ToString(System.Globalization.CultureInfo.InvariantCulture) }) start.ArgumentList.Add(argument);
        if (auth is not null) { start.ArgumentList.Add("--auth"); start.ArgumentList.Add(auth); }
        if (launch is not null) { start.ArgumentList.Add("--launch"); start.ArgumentList.Add(launch); }
        if (switchSize is not null) { start.ArgumentList.Add("--switch-size"); start.ArgumentList.Add(switchSize); }
        // A launch line is only built when a client asks (DESCRIBE); if it fails, the client just gets 503. The media's
        // warnings say why ("got error Can not initialize x265 encoder"), in Output.
        start.Environment["GST_DEBUG"] = "rtspmedia:2";
        start.Environment["GST_DEBUG_NO_COLOR"] = "1";
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("python3 did not start");
        }
        catch (System.ComponentModel.Win32Exception)
        {
            throw new InvalidOperationException($"The RTSP camera tests need {Python} with GStreamer's RTSP server: apt-get install -y gir1.2-gst-rtsp-server-1.0 python3-gi gstreamer1.0-plugins-base gstreamer1.0-plugins-good gstreamer1.0-plugins-ugly gstreamer1.0-plugins-bad (./test.sh installs them).");
        }
        var server = new RtspTestServer(process, chosen);
        process.OutputDataReceived += (_, line) => { if (line.Data is not null) server._output.Enqueue(line.Data); };
        process.ErrorDataReceived += (_, line) => { if (line.Data is not null) server._output.Enqueue(line.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (!server._output.Any(l => l.StartsWith("READY ", StringComparison.Ordinal)))
        {
            if (process.HasExited || DateTime.UtcNow > deadline)
                throw new InvalidOperationException("GStreamer's RTSP server did not start (apt-get install -y gir1.2-gst-rtsp-server-1.0 python3-gi "
                    + "gstreamer1.0-plugins-base gstreamer1.0-plugins-good gstreamer1.0-plugins-ugly gstreamer1.0-plugins-bad; ./test.sh does). It said:\n"
                    + string.Join('\n', server._output));
            await Task.Delay(100);
        }
        return server;
    }

    /// <summary>Freezes the server (SIGSTOP): its connections stay open and send nothing, as a camera that hangs.</summary>
    public void Freeze() => Signal("STOP");

    /// <summary>Lets a frozen server go on (SIGCONT).</summary>
    public void Thaw() => Signal("CONT");

    private void Signal(string signal)
    {
        using var kill = Process.Start("kill", ["-" + signal, _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!;
        kill.WaitForExit();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }

    private static string RepositoryRoot() =>
        Repository.Root ?? throw new InvalidOperationException("The tests run outside the repository: tools/rtsp-test-server is not found.");
}
