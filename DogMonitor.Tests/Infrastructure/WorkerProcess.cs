using System.Collections.Concurrent;
using System.Diagnostics;

namespace DogMonitor.Tests.Infrastructure;

/// <summary>A real DogMonitor.Worker process, configured through environment variables as in compose.</summary>
public sealed class WorkerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private WorkerProcess(Process process)
    {
        _process = process;
        process.OutputDataReceived += (_, line) => { if (line.Data is not null) _output.Enqueue(line.Data); };
        process.ErrorDataReceived += (_, line) => { if (line.Data is not null) _output.Enqueue(line.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public string Output => string.Join('\n', _output);

    public static async Task<WorkerProcess> StartAsync(IReadOnlyDictionary<string, string?> settings)
    {
        var start = new ProcessStartInfo("dotnet", [WorkerAssembly()]) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetDirectoryName(WorkerAssembly())! };
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        foreach (var (key, value) in settings) start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        var worker = new WorkerProcess(Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start the worker"));
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!worker.Output.Contains("Worker ready", StringComparison.Ordinal))
        {
            if (worker._process.HasExited || DateTime.UtcNow > deadline)
                throw new InvalidOperationException($"The worker process did not come up. Its output:\n{worker.Output}");
            await Task.Delay(200);
        }
        return worker;
    }

    /// <summary>Kills the worker and its ffmpeg children at once, as a crashed container would go.</summary>
    public void Kill() => _process.Kill(entireProcessTree: true);

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }

    private static string WorkerAssembly()
    {
        // The worker's own build output, next to the test's: bin/{Configuration}/net10.0.
        var testOutput = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var configuration = testOutput.Parent!.Name;
        var path = Path.Combine(Repository.Root ?? "", "DogMonitor.Worker", "bin", configuration, testOutput.Name, "DogMonitor.Worker.dll");
        return File.Exists(path) ? path : throw new InvalidOperationException($"The worker is not built at {path}: build the solution first (dotnet build DogMonitor.sln).");
    }
}
