using DogMonitor.Worker.Ffmpeg;

namespace DogMonitor.Tests.Worker.Ffmpeg;

public sealed class ProbeParserTests
{
    [Fact]
    public void Sample_GivesDurationSizeCodecsAndFrameRate()
    {
        var probe = ProbeParser.Parse(SampleFiles.Read("probe-clip.json"));

        Assert.Equal(new MediaProbe(TimeSpan.FromSeconds(5), 640, 360, "h264", "aac", 25), probe);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{}")]
    [InlineData("""{"streams":[{"index":0,"codec_type":"audio","codec_name":"aac"}],"format":{"duration":"0:00:01.000000"}}""")]
    public void UnreadableAnswer_IsAFormatException(string json)
    {
        Assert.Throws<FormatException>(() => ProbeParser.Parse(json));
    }
}
