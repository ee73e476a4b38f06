using DogMonitor.Worker.Ffmpeg;
using System.ComponentModel;
using System.Diagnostics;

namespace DogMonitor.Worker.Recording;

/// <summary>One running ffmpeg recording a camera; its stderr is drained continuously and its tail kept.</summary>
internal sealed class RecorderProcess : IDisposable
{
    private readonly Process _process;

    private RecorderProcess(Process process) => _process = process;

    public StderrLines Stderr { get; } = new(20);

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    /// <summary>Why it ended, for the camera's state: the exit code and ffmpeg's last words.</summary>
    public string ExitDescription
    {
        get
        {
            // .NET reports a process ended by a signal as 128 + the signal's number.
            var code = ExitCode > 128 ? $"{ExitCode} (killed by signal {ExitCode - 128})" : $"{ExitCode}";
            var said = Stderr.Text();
            return said.Length == 0 ? $"ffmpeg exited with code {code}." : $"ffmpeg exited with code {code}: {said}";
        }
    }

    /// <param name="ffmpeg">The executable: a path, or a name looked up on PATH.</param>
    /// <param name="arguments">Its arguments, passed as they are (no shell).</param>
    /// <exception cref="InvalidOperationException">ffmpeg is not installed (not found).</exception>
    /// <param name="onProgress">Called with each <c>-progress pipe:1</c> report of how far ffmpeg has written; null ignores stdout.</param>
    public static RecorderProcess Start(string ffmpeg, IReadOnlyList<string> arguments, Action<TimeSpan>? onProgress = null)
    {
        var startInfo = new ProcessStartInfo(ffmpeg)
        {
            UseShellExecute = false,
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        foreach (var argument in arguments) startInfo.ArgumentList.Add(argument);

        var process = new Process { StartInfo = startInfo };
        var recorder = new RecorderProcess(process);
        // Unread pipes fill up and block ffmpeg, so both are drained for the life of the process.
        process.ErrorDataReceived += (_, e) => recorder.Stderr.Add(e.Data ?? "");
        var progress = new ProgressParser();
        process.OutputDataReceived += (_, e) =>
        {
            if (onProgress is not null && e.Data is { } line && progress.Add(line) is { OutTime: { } written }) onProgress(written);
        };
        try
        {
            process.Start();
        }
        catch (Win32Exception ex)
        {
            process.Dispose();
            throw new InvalidOperationException($"ffmpeg ('{ffmpeg}') could not be started ({ex.Message}); install it (apt-get install -y ffmpeg) or set Ffmpeg:FfmpegPath.", ex);
        }
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        return recorder;
    }

    /// <summary>Kills ffmpeg and anything it started, and waits (briefly) for it to be gone.</summary>
    public async Task StopAsync()
    {
        try
        {
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It exited between the check and the kill.
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            // A process the kernel cannot reap in 5 s is beyond help; the next run starts regardless.
        }
    }

    public void Dispose() => _process.Dispose();
}
