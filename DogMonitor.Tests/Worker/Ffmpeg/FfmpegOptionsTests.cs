using DogMonitor.Worker.Ffmpeg;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DogMonitor.Tests.Worker.Ffmpeg;

public sealed class FfmpegOptionsTests
{
    [Fact]
    public void Defaults_AreTheDesignCards()
    {
        using var services = CutterHost.Services();

        var options = services.GetRequiredService<IOptions<FfmpegOptions>>().Value;

        Assert.Equal(("ffmpeg", "ffprobe", "veryfast", 23, 0), (options.FfmpegPath, options.FfprobePath, options.Preset, options.Crf, options.Threads));
        Assert.Equal((TimeSpan.FromMinutes(10), TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(30)), (options.CutTimeout, options.FrameTimeout, options.ProbeTimeout));
        Assert.IsType<IClipCutter>(services.GetRequiredService<IClipCutter>(), exactMatch: false);
    }

    [Theory]
    [InlineData("Ffmpeg:Preset", "turbo", "Preset")]
    [InlineData("Ffmpeg:Crf", "70", "Crf")]
    [InlineData("Ffmpeg:CutTimeout", "00:00:01", "CutTimeout")]
    [InlineData("Ffmpeg:FfmpegPath", "/nonexistent/ffmpeg", "apt-get install ffmpeg")]
    [InlineData("Ffmpeg:FfprobePath", "no-such-ffprobe", "Ffmpeg:FfprobePath")]
    public void BadSetting_StopsTheStartWithASentence(string key, string value, string expected)
    {
        using var services = CutterHost.Services(new Dictionary<string, string?> { [key] = value });

        var failure = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<FfmpegOptions>>().Value);

        Assert.Contains(expected, failure.Message, StringComparison.Ordinal);
    }
}
