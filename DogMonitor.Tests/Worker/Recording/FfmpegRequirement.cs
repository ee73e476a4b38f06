using System.ComponentModel;
using System.Diagnostics;

namespace DogMonitor.Tests.Worker.Recording;

/// <summary>Tests that record need ffmpeg; without it they fail with a sentence saying how to get it.</summary>
internal static class FfmpegRequirement
{
    public static async Task EnsureInstalledAsync()
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo("ffmpeg", "-hide_banner -version") { RedirectStandardOutput = true, RedirectStandardError = true })!;
            await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            if (process.ExitCode != 0) throw new InvalidOperationException($"ffmpeg -version exited with code {process.ExitCode}; the recorder tests need a working ffmpeg (apt-get install -y ffmpeg).");
        }
        catch (Win32Exception ex)
        {
            throw new InvalidOperationException("The recorder tests run ffmpeg, which is not installed (not on PATH). Install it with apt-get install -y ffmpeg and run them again.", ex);
        }
    }
}
