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
    public async Task TruncatedOrCorruptSegmentsAreUnknown_NeverAnException()
    {
        var folder = await RecordChangingSizeAsync("libx264");
        var init = await File.ReadAllBytesAsync(Path.Combine(folder, "init.mp4"));
        var track = ParameterSets.ReadInit(init)!;
        var segment = await File.ReadAllBytesAsync(Directory.GetFiles(folder, "*.m4s").Order(StringComparer.Ordinal).Last());

        // A segment still being written, or an init cut short, at every length.
        for (var length = 0; length < segment.Length; length += 97) _ = ParameterSets.FirstPictureSps(segment[..length], track);
        for (var length = 0; length < init.Length; length++) _ = ParameterSets.ReadInit(init[..length]);

        // A NAL unit claiming nearly 2 GB: read as far as the sample goes, not past it.
        var corrupt = (byte[])segment.Clone();
        var sample = FirstSampleAt(corrupt);
        corrupt[sample] = 0x7F; corrupt[sample + 1] = 0xFF; corrupt[sample + 2] = 0xFF; corrupt[sample + 3] = 0xF0;
        Assert.Empty(ParameterSets.FirstPictureSps(corrupt, track)!);

        // Random bytes anywhere in the boxes.
        var random = new Random(9);
        for (var i = 0; i < 2000; i++)
        {
            var changed = (byte[])segment.Clone();
            changed[random.Next(Math.Min(changed.Length, sample + 64))] = (byte)random.Next(256);
            _ = ParameterSets.FirstPictureSps(changed, track);
        }
    }

    [Fact]
    public void AFileThatIsNotAnMp4IsNotReadAsOne()
    {
        var junk = Encoding.ASCII.GetBytes("#EXTM3U\n#EXT-X-VERSION:6\n");
        Assert.Null(ParameterSets.ReadInit(junk));
        Assert.Null(ParameterSets.ReadInit([]));
        Assert.Null(ParameterSets.FirstPictureSps(junk, new ParameterSets.VideoTrack(1, false, 4, [])));
    }

    /// <summary>Where the first sample's data starts: the 'mdat' payload, which the recorder's fragments point at.</summary>
    private static int FirstSampleAt(byte[] segment)
    {
        for (var at = 0; at + 8 <= segment.Length;)
        {
            var size = (int)System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(segment.AsSpan(at));
            if (Encoding.ASCII.GetString(segment, at + 4, 4) == "mdat") return at + 8;
            at += size;
        }
        throw new InvalidOperationException("The segment has no 'mdat' box.");
    }

    /// <summary>Two encodings (2 s, then <paramref name="secondSeconds"/>), one after the other in one MPEG-TS stream, copied into 1 s fMP4 HLS segments.</summary>
    internal async Task<string> RecordChangingSizeAsync(string encoder, string secondSize = "320x240", string[]? secondOptions = null, int secondSeconds = 2)
    {
        var folder = Path.Combine(_directory, $"{encoder}-{secondSize}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        string[] quiet = encoder == "libx265" ? ["-x265-params", "log-level=error"] : [];
        var parts = new List<string>();
        foreach (var (size, offset, seconds, options) in new[] { ("640x360", 0, 2, Array.Empty<string>()), (secondSize, 2, secondSeconds, secondOptions ?? []) })
        {
            var part = Path.Combine(folder, $"part{offset}.ts");
            await FfmpegTool.RunAsync("ffmpeg", ["-v", "error", "-f", "lavfi", "-i", $"testsrc2=size={size}:rate=25", "-t", $"{seconds}",
                "-c:v", encoder, "-g", "25", "-bf", "2", .. quiet, .. options, "-output_ts_offset", $"{offset}", part]);
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
