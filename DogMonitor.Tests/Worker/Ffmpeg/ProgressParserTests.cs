using DogMonitor.Worker.Ffmpeg;

namespace DogMonitor.Tests.Worker.Ffmpeg;

public sealed class ProgressParserTests
{
    [Fact]
    public void Sample_GivesEachBlocksOutTimeAndTheEnd()
    {
        var parser = new ProgressParser();

        var updates = SampleFiles.Read("progress-exact-cut.txt").Split('\n').Select(parser.Add).OfType<ProgressUpdate>().ToList();

        Assert.Equal(
            [0, 1.160078, 2.960078, 4.560078, 6.000078, 7.480078, 9.880078],
            updates.Select(u => u.OutTime!.Value.TotalSeconds));
        Assert.Equal([false, false, false, false, false, false, true], updates.Select(u => u.IsEnd));
    }

    [Theory]
    [InlineData("out_time_us=N/A|out_time_ms=N/A|out_time=N/A|progress=continue", null)]
    [InlineData("out_time_us=-80000|progress=continue", -0.08)]
    [InlineData("out_time=00:01:02.500000|progress=continue", 62.5)]
    [InlineData("out_time=-00:00:00.040000|progress=continue", -0.04)]
    [InlineData("out_time_ms=2500000|progress=continue", 2.5)]
    [InlineData("frame=12|fps=0.00|progress=continue", null)]
    public void Block_ReadsWhatItCan(string lines, double? expectedSeconds)
    {
        var parser = new ProgressParser();

        var update = lines.Split('|').Select(parser.Add).ToList()[^1];

        Assert.NotNull(update);
        Assert.Equal(expectedSeconds, update.Value.OutTime?.TotalSeconds);
    }

    [Fact]
    public void LinesInsideABlock_GiveNothingUntilItCloses()
    {
        var parser = new ProgressParser();

        Assert.Null(parser.Add("out_time_us=1000000"));
        Assert.Null(parser.Add("garbage without equals"));
        Assert.Equal(new ProgressUpdate(TimeSpan.FromSeconds(1), false), parser.Add("progress=continue"));
        Assert.Equal(new ProgressUpdate(null, true), parser.Add("progress=end"));
    }
}
