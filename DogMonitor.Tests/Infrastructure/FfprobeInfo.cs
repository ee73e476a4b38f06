using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;

namespace DogMonitor.Tests.Infrastructure;

/// <summary>What ffprobe measures of a media file or image (the tests' independent check of the cutter).</summary>
public sealed record FfprobeInfo(double DurationSeconds, string Codec, int Width, int Height)
{
    public static async Task<FfprobeInfo> ProbeAsync(byte[] bytes)
    {
        var path = Path.Combine(Path.GetTempPath(), $"probe-{Guid.NewGuid():N}");
        await File.WriteAllBytesAsync(path, bytes);
        try
        {
            var start = new ProcessStartInfo("ffprobe", ["-v", "error", "-select_streams", "v:0", "-show_entries", "stream=codec_name,width,height:format=duration", "-of", "json", path])
            { RedirectStandardOutput = true, RedirectStandardError = true };
            using var process = Process.Start(start) ?? throw new InvalidOperationException("ffprobe did not start; install it with apt-get install ffmpeg.");
            var output = await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            var json = JsonNode.Parse(output)!;
            var stream = json["streams"]![0]!;
            return new FfprobeInfo(
                // A still image (a JPEG) may state no duration.
                json["format"]?["duration"] is { } duration ? double.Parse((string)duration!, CultureInfo.InvariantCulture) : 0,
                (string)stream["codec_name"]!, (int)stream["width"]!, (int)stream["height"]!);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
