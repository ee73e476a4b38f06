using DogMonitor.Domain.Cameras;
using DogMonitor.Web.Cameras;

namespace DogMonitor.Tests.Web.Cameras;

public class CameraSourceTextTests
{
    [Theory]
    [InlineData("synthetic", "Test pattern")]
    [InlineData("rtsp://cam.local/live", "Network camera (RTSP)")]
    [InlineData("rtsps://cam.local/live", "Network camera (RTSP)")]
    [InlineData("v4l2:/dev/video0", "Webcam (V4L2)")]
    [InlineData("file:/videos/dog.mp4", "Video file, played in a loop")]
    public void Kind_SaysWhatTheSourceIs(string source, string expected)
    {
        Assert.Equal(expected, CameraSourceText.Kind(CameraSource.Parse(source)));
    }
}
