using System.Text;
using DogMonitor.Tests.Worker.Ffmpeg;
using DogMonitor.Worker.Recording;

namespace DogMonitor.Tests.Worker.Recording;

/// <summary>
/// <see cref="ParameterSets"/> against fragmented-MP4 segments ffmpeg makes from a stream whose picture changes size
/// half way (two encodings, 640×360 then 320×240, one after the other, as a camera sends them when its resolution is
/// changed): a segment carries an SPS its init does not declare exactly when its first picture decodes to the new size.
/// </summary>
public sealed class ParameterSetsTests : IAsyncLifetime
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "dogmonitor-parameter-sets-" + Guid.NewGuid().ToString("N"));

    [Theory]
    [InlineData("libx264", false)]
    [InlineData("libx265", true)]
    public async Task ASegmentCarriesAnUndeclaredSpsExactlyWhenItsPictureChanged(string encoder, bool hevc)
    {
        var folder = await RecordChangingSizeAsync(encoder);
        var track = ParameterSets.ReadInit(await File.ReadAllBytesAsync(Path.Combine(folder, "init.mp4")));

        Assert.NotNull(track);
        Assert.Equal(hevc, track.Hevc);
        Assert.Equal(4, track.LengthSize);
        Assert.NotEmpty(track.Sps);
        var segments = Directory.GetFiles(folder, "*.m4s").Order(StringComparer.Ordinal).ToList();
        var seen = new List<string>();
        foreach (var segment in segments)
        {
            var inBand = ParameterSets.FirstPictureSps(await File.ReadAllBytesAsync(segment), track);
            Assert.NotNull(inBand);
            var size = Encoding.ASCII.GetString(await FfmpegTool.RunAsync("ffprobe", "-v", "error", "-protocol_whitelist", "file,concat",
                "-select_streams", "v:0", "-read_intervals", "%+#1", "-show_entries", "frame=width,height", "-of", "csv=p=0",
                $"concat:{Path.Combine(folder, "init.mp4")}|{segment}")).Trim().Split('\n')[0].TrimEnd(',');
            seen.Add($"{Path.GetFileName(segment)} {size} undeclared={inBand.Any(sps => !track.Declares(sps))}");
            Assert.Equal(size != "640,360", inBand.Any(sps => !track.Declares(sps)));
        }
        Assert.Contains(seen, line => line.Contains(" 640,360 ", StringComparison.Ordinal));
        Assert.Contains(seen, line => line.Contains(" 320,240 ", StringComparison.Ordinal));
    }

    [Fact]
    public void AFileThatIsNotAnMp4IsNotReadAsOne()
    {
        var junk = Encoding.ASCII.GetBytes("#EXTM3U\n#EXT-X-VERSION:6\n");
        Assert.Null(ParameterSets.ReadInit(junk));
        Assert.Null(ParameterSets.ReadInit([]));
        Assert.Null(ParameterSets.FirstPictureSps(junk, new ParameterSets.VideoTrack(1, false, 4, [])));
    }

    /// <summary>Two 2 s encodings, one after the other in one MPEG-TS stream, copied into 1 s fMP4 HLS segments.</summary>
    private async Task<string> RecordChangingSizeAsync(string encoder)
    {
        var folder = Path.Combine(_directory, encoder);
        Directory.CreateDirectory(folder);
        string[] quiet = encoder == "libx265" ? ["-x265-params", "log-level=error"] : [];
        var parts = new List<string>();
        foreach (var (size, offset) in new[] { ("640x360", 0), ("320x240", 2) })
        {
            var part = Path.Combine(folder, $"{size}.ts");
            await FfmpegTool.RunAsync("ffmpeg", ["-v", "error", "-f", "lavfi", "-i", $"testsrc2=size={size}:rate=25", "-t", "2",
                "-c:v", encoder, "-g", "25", "-bf", "2", .. quiet, "-output_ts_offset", $"{offset}", part]);
            parts.Add(part);
        }
        await FfmpegTool.RunAsync("ffmpeg", "-v", "error", "-i", $"concat:{string.Join('|', parts)}", "-c", "copy",
            "-f", "hls", "-hls_time", "1", "-hls_segment_type", "fmp4", "-hls_list_size", "0",
            "-hls_segment_filename", Path.Combine(folder, "s%02d.m4s"), Path.Combine(folder, "live.m3u8"));
        return folder;
    }

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync()
    {
        try { Directory.Delete(_directory, recursive: true); } catch (IOException) { }
        return ValueTask.CompletedTask;
    }
}
