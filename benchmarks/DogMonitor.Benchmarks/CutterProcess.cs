using System.Diagnostics;

namespace DogMonitor.Benchmarks;

/// <summary>
/// A DogMonitor.Worker process that only cuts clips, as compose's <c>worker</c> service: the installation's settings
/// come from this process's environment (bench.sh exports them), the role from here. Its output goes to worker.log
/// in its data directory.
/// </summary>
public sealed class CutterProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StreamWriter _log;
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private CutterProcess(Process process, string logPath)
    {
        _process = process;
        _log = new StreamWriter(logPath) { AutoFlush = true };
        process.OutputDataReceived += (_, line) => Log(line.Data);
        process.ErrorDataReceived += (_, line) => Log(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public static async Task<CutterProcess> StartAsync(string workerAssembly, string dataDirectory)
    {
        Directory.CreateDirectory(dataDirectory);
        // Its own folder as the working directory, so it reads its appsettings.json (log levels) as in its image.
        var start = new ProcessStartInfo("dotnet", [workerAssembly])
        {
            WorkingDirectory = Path.GetDirectoryName(Path.GetFullPath(workerAssembly))!, RedirectStandardOutput = true, RedirectStandardError = true,
        };
        start.Environment["DataDirectory"] = dataDirectory;
        start.Environment["Recording__Enabled"] = "false";
        start.Environment["Clips__CuttingEnabled"] = "true";
        var logPath = Path.Combine(dataDirectory, "worker.log");
        var cutter = new CutterProcess(Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start the worker"), logPath);
        var started = await Task.WhenAny(cutter._ready.Task, cutter._process.WaitForExitAsync(), Task.Delay(TimeSpan.FromMinutes(1)));
        if (started == cutter._ready.Task) return cutter;
        await cutter.DisposeAsync();
        throw new InvalidOperationException($"The worker process did not say it was ready; see {logPath}.");
    }

    private void Log(string? line)
    {
        if (line is null) return;
        lock (_log) _log.WriteLine(line);
        if (line.Contains("Worker ready", StringComparison.Ordinal)) _ready.TrySetResult();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true); // with any ffmpeg it runs
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        lock (_log) _log.Dispose();
    }
}
