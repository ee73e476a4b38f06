using DogMonitor.Worker.Recording;

namespace DogMonitor.Tests.Worker.Recording;

/// <summary>ffmpeg 5.1's own last lines (captured against GStreamer's RTSP server and closed ports) and what a person reads instead.</summary>
public class CameraFailureTests
{
    [Theory]
    [InlineData("[rtsp @ 0x556f3110c940] method DESCRIBE failed: 401 Unauthorized\nrtsp://***@127.0.0.1:18554/cam: Server returned 401 Unauthorized (authorization failed)",
        "The camera refused the user name or password.", true)]
    [InlineData("[rtsp @ 0x5585c33c4940] method DESCRIBE failed: 404 Not Found\nrtsp://***@127.0.0.1:18554/nothing: Server returned 404 Not Found",
        "The camera has no stream at that path.", true)]
    [InlineData("[tcp @ 0x55bdd77c4580] Failed to resolve hostname no-such-camera.invalid: Name or service not known\nrtsp://no-such-camera.invalid:554/cam: Input/output error",
        "The camera's address no-such-camera.invalid is not known", true)]
    [InlineData("[tcp @ 0x5600b40a7580] Connection to tcp://127.0.0.1:18599?timeout=0 failed: Connection refused\nrtsp://127.0.0.1:18599/cam: Connection refused",
        "Nothing answers at 127.0.0.1:18599", false)]
    [InlineData("[tcp @ 0x55739c6929c0] Connection to tcp://127.0.0.1:42285?timeout=10000000 failed: Connection refused | rtsp://127.0.0.1:42285/cam: Connection refused",
        "Nothing answers at 127.0.0.1:42285", false)] // as the recorder joins ffmpeg's lines
    [InlineData("[tcp @ 0x5600b40a7580] Connection to tcp://192.168.1.20:554?timeout=0 failed: Connection timed out",
        "The camera at 192.168.1.20:554 did not answer", false)]
    [InlineData("[rtsp @ 0x55d0c1c4a940] method DESCRIBE failed: 503 Service Unavailable\nrtsp://127.0.0.1:8601/cam: Server returned 5XX Server Error reply",
        "The camera answered but could not start its stream", false)]
    public void FfmpegsWordsBecomeASentenceAndSayWhetherAPersonMustAct(string ffmpegSaid, string begins, bool needsPerson)
    {
        var failure = CameraFailure.Explain(ffmpegSaid);

        Assert.NotNull(failure);
        Assert.StartsWith(begins, failure.Sentence, StringComparison.Ordinal);
        Assert.Equal(needsPerson, failure.NeedsPerson);
    }

    [Fact]
    public void AnythingElseKeepsFfmpegsOwnText() =>
        Assert.Null(CameraFailure.Explain("[hls @ 0x1] Opening 'seg-00001.ts' for writing failed: No space left on device"));
}
