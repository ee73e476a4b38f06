using System.Diagnostics;

namespace DogMonitor.Tests.Infrastructure;

/// <summary>Runs a curl command line as written in the design note, against the app under test.</summary>
public static class Curl
{
    /// <summary>
    /// Runs <paramref name="command"/> in bash with <c>http://localhost:8000</c> pointed at <paramref name="baseUrl"/> and
    /// <c>$DOGMONITOR_API_KEY</c> set to <paramref name="apiKey"/>, as the README tells a person to; returns stdout.
    /// </summary>
    public static async Task<string> RunAsync(string command, string baseUrl, string apiKey)
    {
        command = command.Replace("http://localhost:8000", baseUrl, StringComparison.Ordinal)
            .Replace("curl ", "curl -sS --fail-with-body ", StringComparison.Ordinal);
        var start = new ProcessStartInfo("bash") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["DOGMONITOR_API_KEY"] = apiKey;
        using var process = Process.Start(start) ?? throw new InvalidOperationException("bash did not start");
        // Through stdin: a command line carrying an image is longer than one argument may be.
        await process.StandardInput.WriteAsync("set -e\n" + command + "\n");
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        Assert.True(process.ExitCode == 0, $"curl failed ({process.ExitCode}): {await error} {await output}");
        return await output;
    }
}
