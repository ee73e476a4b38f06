using DogMonitor.Domain.Recording;
using DogMonitor.Worker.Ffmpeg;
using DogMonitor.Worker.Recording;
using Microsoft.Extensions.Logging.Abstractions;

namespace DogMonitor.Tests.Worker.Recording;

/// <summary>
/// <see cref="PictureWatch"/> over segments ffmpeg makes (see <see cref="ParameterSetsTests"/>), with a real ffprobe
/// behind a script that counts how often it is asked to decode, and can be made to fail.
/// </summary>
public sealed class PictureWatchTests : IAsyncLifetime
{
    private readonly ParameterSetsTests _recordings = new();
    private readonly string _script = Path.Combine(Path.GetTempPath(), $"dogmonitor-ffprobe-{Guid.NewGuid():N}");

    private string Calls => _script + ".calls";

    private string FailNext => _script + ".fail";

    [Fact]
    public async Task ANewSize_IsSeenAtTheFirstSegmentThatHasIt_WithOneDecode()
    {
        var segments = await SegmentsAsync(await _recordings.RecordChangingSizeAsync("libx264"));
        var watch = Watch();

        var checkedBefore = 0;
        (int, int)? seen = null;
        foreach (var segment in segments)
        {
            if ((seen = await watch.CheckAsync(segment, TestContext.Current.CancellationToken)) is not null) break;
            checkedBefore++;
        }

        Assert.Equal((320, 240), seen);
        Assert.Equal(2, checkedBefore); // two 1 s segments at 640×360, then the change
        Assert.Equal(1, DecodeCount()); // the segments like their init are not decoded at all
    }

    [Fact]
    public async Task AnSpsThatDiffersButKeepsTheSize_IsDecodedOnce_AndChangesNothing()
    {
        // The same picture encoded with other settings: new parameter sets, same size (as an SDP and an in-band SPS may differ).
        var segments = await SegmentsAsync(await _recordings.RecordChangingSizeAsync("libx264", "640x360", ["-profile:v", "baseline", "-bf", "0"]));
        var watch = Watch();

        foreach (var segment in segments) Assert.Null(await watch.CheckAsync(segment, TestContext.Current.CancellationToken));

        Assert.Equal(1, DecodeCount());
    }

    [Fact]
    public async Task ADecodeThatFails_IsTriedAgainOnTheNextSegment()
    {
        var segments = await SegmentsAsync(await _recordings.RecordChangingSizeAsync("libx264", secondSeconds: 4));
        var watch = Watch();
        await File.WriteAllTextAsync(FailNext, "", TestContext.Current.CancellationToken);

        var failed = 0;
        (int, int)? seen = null;
        foreach (var segment in segments)
        {
            try
            {
                seen ??= await watch.CheckAsync(segment, TestContext.Current.CancellationToken);
            }
            catch (FfmpegException)
            {
                failed++;
            }
        }

        Assert.Equal(1, failed);
        Assert.True(seen == (320, 240), $"Seen {seen} in {segments.Count} segments after {DecodeCount()} decodes.");
    }

    private PictureWatch Watch() => new(new RecorderTools("ffmpeg", _script, new FfmpegRunner(NullLogger<FfmpegRunner>.Instance)), 640, 360);

    private int DecodeCount() => File.Exists(Calls) ? File.ReadAllLines(Calls).Length : 0;

    private static Task<List<SegmentFile>> SegmentsAsync(string folder) => Task.FromResult(
        Directory.GetFiles(folder, "*.m4s").Order(StringComparer.Ordinal).Select(path => new SegmentFile(path, Path.Combine(folder, "init.mp4"))).ToList());

    public async ValueTask InitializeAsync()
    {
        await FfmpegRequirement.EnsureInstalledAsync();
        // Counts each call; fails once (exit 1) when the .fail file is there, then removes it.
        await File.WriteAllTextAsync(_script, $"""
            #!/bin/sh
            echo called >> '{Calls}'
            if [ -e '{FailNext}' ]; then rm -f '{FailNext}'; echo 'made to fail' >&2; exit 1; fi
            exec ffprobe "$@"
            """.Replace("\r", ""));
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(_script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var path in new[] { _script, Calls, FailNext }) File.Delete(path);
        await _recordings.DisposeAsync();
    }
}
