using System.ComponentModel;
using System.Diagnostics;
using System.Runtime.ExceptionServices;

namespace DogMonitor.Worker.Ffmpeg;

/// <summary>
/// Runs ffmpeg and ffprobe: the command line logged at Debug, the last stderr lines kept, a time limit, the process
/// tree killed on expiry or cancellation, and a non-zero exit turned into an <see cref="FfmpegException"/>.
/// </summary>
/// <remarks>
/// <see cref="Process"/> rather than FFMpegCore's runner: FFMpegCore cancels by typing 'q' and waiting, and does not
/// kill the process tree, read <c>-progress</c>'s key/value stream or hand back stderr's last lines, which are the
/// boundaries the house style asks of every ffmpeg run. FFMpegCore still parses ffprobe's JSON (<see cref="ProbeParser"/>).
/// </remarks>
internal sealed partial class FfmpegRunner(ILogger<FfmpegRunner> logger)
{
    /// <summary>Runs <paramref name="command"/> to its end; <paramref name="readOutput"/> reads stdout until the process closes it.</summary>
    /// <returns>The last lines ffmpeg wrote to stderr (warnings of a run that succeeded).</returns>
    public async Task<string> RunAsync(FfmpegCommand command, TimeSpan timeout, Func<Stream, Task>? readOutput, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var process = new Process { StartInfo = StartInfo(command) };
        LogStarting(logger, command.Tool, command.CommandLine);
        var started = Stopwatch.GetTimestamp();
        try
        {
            process.Start();
        }
        catch (Win32Exception ex)
        {
            throw new FfmpegException(
                $"{command.Tool} could not be started from '{command.Executable}' ({ex.Message}). Install it (apt-get install ffmpeg) or set its path in the {FfmpegOptions.SectionName} section.",
                "", ex);
        }

        CloseInput(process);
        var stderr = new StderrLines();
        var stderrPump = ReadLinesAsync(process.StandardError, stderr.Add);
        var stdoutPump = (readOutput ?? DiscardAsync)(process.StandardOutput.BaseStream);

        using var timeoutSource = new CancellationTokenSource(timeout);
        using var stopSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeoutSource.Token);
        try
        {
            await process.WaitForExitAsync(stopSource.Token);
        }
        catch (OperationCanceledException)
        {
            Kill(process);
            // A killed process ends at once; its pipes close with it, so the pumps finish too.
            await process.WaitForExitAsync(CancellationToken.None);
            await Task.WhenAll(stderrPump, stdoutPump).ContinueWith(_ => { }, TaskScheduler.Default);
            if (cancellationToken.IsCancellationRequested)
            {
                LogCancelled(logger, command.Tool, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                throw new OperationCanceledException($"{command.Tool} was stopped: the operation was cancelled.", cancellationToken);
            }

            LogTimedOut(logger, command.Tool, timeout);
            throw new FfmpegException($"{command.Tool} did not finish within {timeout} and was stopped.", stderr.ToString(), new TimeoutException());
        }

        await Task.WhenAll(stderrPump, stdoutPump);
        if (process.ExitCode != 0)
            throw new FfmpegException($"{command.Tool} failed (exit code {process.ExitCode}): {stderr.Last}", stderr.ToString());
        LogFinished(logger, command.Tool, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return stderr.ToString();
    }

    /// <summary>Runs <paramref name="command"/> and returns what it wrote to stdout, with the last stderr lines.</summary>
    public async Task<(byte[] Output, string StderrTail)> CaptureAsync(FfmpegCommand command, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var tail = await RunAsync(command, timeout, stdout => CopyAsync(stdout, buffer), cancellationToken);
        return (buffer.ToArray(), tail);
    }

    /// <summary>Runs an ffmpeg command that has <c>-progress pipe:1</c>, handing each progress block to <paramref name="onUpdate"/>.</summary>
    public Task<string> RunWithProgressAsync(FfmpegCommand command, TimeSpan timeout, Action<ProgressUpdate> onUpdate, CancellationToken cancellationToken) =>
        RunAsync(command, timeout, stdout => ReadProgressAsync(stdout, onUpdate), cancellationToken);

    private static ProcessStartInfo StartInfo(FfmpegCommand command)
    {
        var startInfo = new ProcessStartInfo(command.Executable)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            CreateNoWindow = true,
        };
        foreach (var argument in command.Arguments) startInfo.ArgumentList.Add(argument);
        return startInfo;
    }

    // Nothing is ever typed to ffmpeg (it also gets -nostdin): a closed stdin means it can never wait for a key.
    private static void CloseInput(Process process)
    {
        try
        {
            process.StandardInput.Close();
        }
        catch (IOException)
        {
            // It has already ended; its exit code tells the rest.
        }
    }

    private static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (Exception ex) when (ex is InvalidOperationException or Win32Exception)
        {
            // It ended on its own meanwhile.
        }
    }

    // The readers below take no token on purpose: the pipes close when the process ends or is killed, and a reader
    // that stopped early would leave ffmpeg blocked on a full pipe.
    private static async Task ReadLinesAsync(StreamReader reader, Action<string> onLine)
    {
        while (await reader.ReadLineAsync() is { } line) onLine(line);
    }

    // A progress handler that throws must not stop the reading (ffmpeg would block on the full pipe until its time
    // limit): the failure is kept and thrown once ffmpeg is done.
    private static async Task ReadProgressAsync(Stream stdout, Action<ProgressUpdate> onUpdate)
    {
        using var reader = new StreamReader(stdout);
        var parser = new ProgressParser();
        ExceptionDispatchInfo? failure = null;
        await ReadLinesAsync(reader, line =>
        {
            if (parser.Add(line) is not { } update || failure is not null) return;
            try
            {
                onUpdate(update);
            }
            catch (Exception ex)
            {
                failure = ExceptionDispatchInfo.Capture(ex);
            }
        });
        failure?.Throw();
    }

    private static Task CopyAsync(Stream from, Stream to) => from.CopyToAsync(to);

    private static Task DiscardAsync(Stream stdout) => stdout.CopyToAsync(Stream.Null);

    [LoggerMessage(LogLevel.Debug, "Running {Tool}: {CommandLine}")]
    private static partial void LogStarting(ILogger logger, string tool, string commandLine);

    [LoggerMessage(LogLevel.Debug, "{Tool} finished in {ElapsedMs:F0} ms")]
    private static partial void LogFinished(ILogger logger, string tool, double elapsedMs);

    [LoggerMessage(LogLevel.Debug, "{Tool} was stopped after {ElapsedMs:F0} ms: the operation was cancelled")]
    private static partial void LogCancelled(ILogger logger, string tool, double elapsedMs);

    [LoggerMessage(LogLevel.Warning, "{Tool} ran over its {Timeout} limit and was killed")]
    private static partial void LogTimedOut(ILogger logger, string tool, TimeSpan timeout);
}
