using System.Collections.Concurrent;
using System.Diagnostics;

namespace DogMonitor.Faults.Stack;

/// <summary>
/// A DogMonitor host (the web app or a worker) run as its own process in Production, configured through environment
/// variables as compose does. It can be killed (SIGKILL to it and its ffmpeg children, as a crashed container goes)
/// and started again with the same settings; everything it says goes to one log file across its lives.
/// </summary>
public sealed class HostProcess : IAsyncDisposable
{
    private readonly string _assembly;
    private readonly IReadOnlyList<string> _arguments;
    private readonly IReadOnlyDictionary<string, string?> _settings;
    private readonly string _readyLine;
    private readonly ConcurrentQueue<string> _recent = new();
    private readonly StreamWriter _log;
    private Process? _process;
    private bool _disposed;

    public HostProcess(string name, string project, IReadOnlyDictionary<string, string?> settings, string logDirectory, string readyLine, params string[] arguments)
    {
        Name = name;
        _assembly = Checkout.Assembly(project);
        _arguments = arguments;
        _settings = settings;
        _readyLine = readyLine;
        System.IO.Directory.CreateDirectory(logDirectory);
        LogPath = Path.Combine(logDirectory, name + ".log");
        _log = new StreamWriter(LogPath, append: true) { AutoFlush = true };
    }

    public string Name { get; }
    public string LogPath { get; }
    public int? Pid => _process is { HasExited: false } process ? process.Id : null;

    /// <summary>The last lines it said, for error messages.</summary>
    public string Recent => string.Join('\n', _recent);

    /// <summary>Starts it and waits until it says it is ready.</summary>
    public async Task StartAsync(TimeSpan? timeout = null)
    {
        var start = new ProcessStartInfo("dotnet", [_assembly, .. _arguments])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetDirectoryName(_assembly)!,
        };
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        foreach (var (key, value) in _settings) start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var process = Process.Start(start) ?? throw new InvalidOperationException($"dotnet did not start {Name}");
        void Heard(string? line)
        {
            if (line is null) return;
            lock (_log) if (!_disposed) _log.WriteLine(line);
            _recent.Enqueue(line);
            while (_recent.Count > 60) _recent.TryDequeue(out _);
            if (line.Contains(_readyLine, StringComparison.Ordinal)) ready.TrySetResult();
        }
        process.OutputDataReceived += (_, e) => Heard(e.Data);
        process.ErrorDataReceived += (_, e) => Heard(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process?.Dispose(); // the last life's
        _process = process;
        var exited = process.WaitForExitAsync();
        var finished = await Task.WhenAny(ready.Task, exited, Task.Delay(timeout ?? TimeSpan.FromSeconds(90)));
        if (finished != ready.Task)
            throw new InvalidOperationException($"{Name} did not come up ({(finished == exited ? $"it exited with {process.ExitCode}" : "no ready line in time")}). It said:\n{Recent}");
    }

    /// <summary>SIGKILL to the host and its children (ffmpeg), with no chance to clean up.</summary>
    public async Task KillAsync()
    {
        if (_process is not { HasExited: false } process) return;
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
    }

    /// <summary>SIGTERM, as systemd or <c>docker stop</c> sends it: the host stops gracefully, and this waits until it has.</summary>
    public async Task StopAsync(TimeSpan timeout)
    {
        if (_process is not { HasExited: false } process) return;
        using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            await kill.WaitForExitAsync();
        using var patience = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(patience.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"{Name} did not stop within {timeout.TotalSeconds} s of SIGTERM. It said:\n{Recent}");
        }
    }

    /// <summary>The clip a cutting worker is cutting right now, read from its ffmpeg child's command line; null when idle.</summary>
    public Guid? ClipBeingCut() => Pid is { } pid ? ChildProcesses.ClipBeingCut(pid) : null;

    /// <summary>
    /// Freezes the ffmpeg cutting <paramref name="clipId"/> with SIGSTOP, so the cut stays in the middle however fast
    /// the machine is; the host itself runs on (its lease heartbeat too). False when no such cut is running.
    /// </summary>
    public bool PauseCut(Guid clipId)
    {
        if (Pid is not { } pid || ChildProcesses.Cutter(pid) is not { } cutter || cutter.ClipId != clipId) return false;
        using var stop = Process.Start("kill", ["-STOP", cutter.Pid.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        stop.WaitForExit();
        return stop.ExitCode == 0;
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process?.Dispose();
        lock (_log)
        {
            _disposed = true;
            _log.Dispose();
        }
    }
}
