using DogMonitor.Domain.Recording;
using DogMonitor.Web.Cameras;

namespace DogMonitor.Tests.Web.Cameras;

public class CameraStreamTextTests
{
    [Theory]
    [InlineData("h264", "H.264")]
    [InlineData("hevc", "H.265 (HEVC)")]
    [InlineData("pcm_alaw", "G.711 A-law")]
    [InlineData("pcm_mulaw", "G.711 µ-law")]
    [InlineData("aac", "AAC")]
    [InlineData("AAC", "AAC")]
    [InlineData("mjpeg", "MJPEG")]
    [InlineData("opus", "OPUS")]
    public void Codec_NamesItAsPeopleKnowIt(string codec, string expected)
    {
        Assert.Equal(expected, CameraStreamText.Codec(codec));
    }

    [Fact]
    public void AnH264CameraWithAac_IsRecordedAsSent()
    {
        var stream = new CameraStream("h264", "High", 1920, 1080, 25, "aac", 48000, AudioTranscoded: false, LiveTranscoded: false);

        Assert.Equal("H.264 High", CameraStreamText.Video(stream));
        Assert.Equal("1920 × 1080", CameraStreamText.Size(stream));
        Assert.Equal("25 fps", CameraStreamText.FrameRate(stream));
        Assert.Equal("AAC 48 kHz, kept as sent", CameraStreamText.Audio(stream));
        Assert.Equal("Live view is the recording as sent", CameraStreamText.Live(stream));
    }

    [Fact]
    public void AnH265CameraWithG711_IsReencodedForBrowsers()
    {
        var stream = new CameraStream("hevc", "Main", 2560, 1440, 29.97, "pcm_alaw", 8000, AudioTranscoded: true, LiveTranscoded: true);

        Assert.Equal("H.265 (HEVC) Main", CameraStreamText.Video(stream));
        Assert.Equal("29.97 fps", CameraStreamText.FrameRate(stream));
        Assert.Equal("G.711 A-law 8 kHz, recorded as AAC", CameraStreamText.Audio(stream));
        Assert.Equal("Live view re-encoded to H.264 for browsers", CameraStreamText.Live(stream));
    }

    [Theory]
    [InlineData(null, null, "No sound")]
    [InlineData("pcm_mulaw", 8000, "G.711 µ-law 8 kHz, kept as sent")]
    [InlineData("aac", 44100, "AAC 44.1 kHz, kept as sent")]
    [InlineData("aac", 22050, "AAC 22.05 kHz, kept as sent")]
    [InlineData("aac", null, "AAC, kept as sent")]
    public void Audio_SaysTheCodecAndRate(string? codec, int? sampleRate, string expected)
    {
        var stream = new CameraStream("h264", null, 640, 360, null, codec, sampleRate, AudioTranscoded: false, LiveTranscoded: false);

        Assert.Equal(expected, CameraStreamText.Audio(stream));
    }

    [Fact]
    public void AStreamThatStatesLittle_SaysSo()
    {
        var stream = new CameraStream("mjpeg", null, 640, 480, null, null, null, AudioTranscoded: false, LiveTranscoded: true);

        Assert.Equal("MJPEG", CameraStreamText.Video(stream));
        Assert.Equal("Frame rate not stated", CameraStreamText.FrameRate(stream));
    }
}
