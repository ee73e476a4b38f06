using System.Diagnostics;
using DogMonitor.Worker.Ffmpeg;
using Microsoft.Extensions.Logging.Abstractions;

namespace DogMonitor.Tests.Worker.Ffmpeg;

public sealed class FfmpegRunnerTests
{
    private readonly FfmpegRunner _runner = new(NullLogger<FfmpegRunner>.Instance);

    [Fact]
    public async Task RunOverItsTimeLimit_IsKilledAndReported()
    {
        var marker = Guid.NewGuid().ToString("N");
        // An endless source into nothing: it only ends when stopped.
        var command = new FfmpegCommand("ffmpeg", "ffmpeg", ["-nostdin", "-f", "lavfi", "-i", "testsrc2=size=64x64", "-metadata", $"comment={marker}", "-f", "null", "-"]);
        var watch = Stopwatch.StartNew();

        var failure = await Assert.ThrowsAsync<FfmpegException>(() => _runner.RunAsync(command, TimeSpan.FromMilliseconds(500), null, TestContext.Current.CancellationToken));

        Assert.InRange(watch.Elapsed, TimeSpan.FromMilliseconds(400), TimeSpan.FromSeconds(3));
        Assert.Contains("did not finish within", failure.Message, StringComparison.Ordinal);
        Assert.IsType<TimeoutException>(failure.InnerException);
        Assert.Empty(FfmpegTool.ProcessesMentioning(marker));
    }

    [Fact]
    public async Task FailedRun_CarriesTheLastStderrLines()
    {
        var command = new FfmpegCommand("ffmpeg", "ffmpeg", ["-nostdin", "-i", "/nonexistent/clip.ts", "-f", "null", "-"]);

        var failure = await Assert.ThrowsAsync<FfmpegException>(() => _runner.RunAsync(command, TimeSpan.FromSeconds(10), null, TestContext.Current.CancellationToken));

        Assert.Contains("No such file or directory", failure.StderrTail, StringComparison.Ordinal);
        Assert.Contains("exit code", failure.Message, StringComparison.Ordinal);
        Assert.Contains("No such file or directory", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissingExecutable_SaysHowToInstallIt()
    {
        var command = new FfmpegCommand("ffmpeg", "/nonexistent/bin/ffmpeg", ["-version"]);

        var failure = await Assert.ThrowsAsync<FfmpegException>(() => _runner.RunAsync(command, TimeSpan.FromSeconds(10), null, TestContext.Current.CancellationToken));

        Assert.Contains("apt-get install ffmpeg", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CommandLine_QuotesWhatAShellWouldSplit()
    {
        var command = new FfmpegCommand("ffmpeg", "ffmpeg", ["-i", "/buffer/it's here.ts", "-vf", "trim=start=1.000000,setpts=PTS-STARTPTS", "-map", "0:a:0?"]);

        Assert.Equal(@"ffmpeg -i '/buffer/it'\''s here.ts' -vf trim=start=1.000000,setpts=PTS-STARTPTS -map '0:a:0?'", command.CommandLine);
    }
}
