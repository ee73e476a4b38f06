using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace DogMonitor.Tests.Worker.Ffmpeg;

/// <summary>ffmpeg and ffprobe run directly by the tests: to make inputs and to look at what the cutter made.</summary>
public static class FfmpegTool
{
    private const string InstallHint = "ffmpeg and ffprobe are needed for the clip cutter's tests; install them with: apt-get install ffmpeg";

    /// <summary>Runs ffmpeg or ffprobe; fails with its stderr when it exits with an error.</summary>
    public static async Task<byte[]> RunAsync(string tool, params string[] arguments)
    {
        var startInfo = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        foreach (var argument in arguments) startInfo.ArgumentList.Add(argument);
        using var process = new Process { StartInfo = startInfo };
        try
        {
            process.Start();
        }
        catch (Win32Exception ex)
        {
            throw new InvalidOperationException($"{InstallHint} ({tool}: {ex.Message}).", ex);
        }

        process.StandardInput.Close();
        using var output = new MemoryStream();
        var stdout = process.StandardOutput.BaseStream.CopyToAsync(output);
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        await Task.WhenAll(stdout, stderr);
        if (process.ExitCode != 0) throw new InvalidOperationException($"{tool} {string.Join(' ', arguments)} failed: {await stderr}");
        return output.ToArray();
    }

    /// <summary>ffprobe's streams and format of a file, as JSON.</summary>
    public static async Task<JsonElement> ProbeAsync(string path)
    {
        var json = await RunAsync("ffprobe", "-v", "error", "-print_format", "json", "-show_format", "-show_streams", path);
        return JsonDocument.Parse(json).RootElement.Clone();
    }

    public static async Task<double> DurationAsync(string path) =>
        double.Parse((await ProbeAsync(path)).GetProperty("format").GetProperty("duration").GetString()!, CultureInfo.InvariantCulture);

    /// <summary>The streams' codec names in order, with the video's frame count: ("h264", 125), ("aac", …).</summary>
    public static async Task<IReadOnlyList<(string Codec, int Frames)>> StreamsAsync(string path)
    {
        var streams = (await ProbeAsync(path)).GetProperty("streams").EnumerateArray();
        return streams.Select(s => (s.GetProperty("codec_name").GetString()!, int.Parse(s.GetProperty("nb_frames").GetString()!, CultureInfo.InvariantCulture))).ToList();
    }

    /// <summary>
    /// The top-left corner of frame <paramref name="index"/> of a video or image, in grey: testsrc2 prints its clock
    /// there, so neighbouring frames differ in it.
    /// </summary>
    public static Task<byte[]> CornerAsync(string path, int index = 0) =>
        RunAsync("ffmpeg", "-v", "error", "-i", path, "-vf", $"select=eq(n\\,{index}),crop=160:40:0:0,format=gray",
            "-frames:v", "1", "-f", "rawvideo", "pipe:1");

    /// <summary>MD5 of every decoded video frame, in order: the same for a stream copy, different after re-encoding.</summary>
    public static async Task<IReadOnlyList<string>> FrameHashesAsync(string path)
    {
        var text = System.Text.Encoding.ASCII.GetString(await RunAsync("ffmpeg", "-v", "error", "-i", path, "-map", "0:v:0", "-f", "framemd5", "pipe:1"));
        return text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => !l.StartsWith('#')).Select(l => l.Split(',')[^1].Trim()).ToList();
    }

    /// <summary>What <c>ffmpeg -v error -i path -f null -</c> says: nothing, when the file decodes cleanly from end to end.</summary>
    public static async Task<string> DecodeErrorsAsync(string path)
    {
        var start = new ProcessStartInfo("ffmpeg") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in new[] { "-nostdin", "-v", "error", "-i", path, "-f", "null", "-" }) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (await errors).Trim();
    }

    /// <summary>Processes whose command line mentions <paramref name="text"/> (Linux /proc).</summary>
    public static IReadOnlyList<int> ProcessesMentioning(string text)
    {
        var found = new List<int>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), out var pid)) continue;
            try
            {
                if (File.ReadAllText(Path.Combine(directory, "cmdline")).Contains(text, StringComparison.Ordinal)) found.Add(pid);
            }
            catch (IOException)
            {
                // The process ended while we looked.
            }
            catch (UnauthorizedAccessException)
            {
            }
        }

        return found;
    }
}
