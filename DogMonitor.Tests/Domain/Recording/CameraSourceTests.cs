using DogMonitor.Domain.Cameras;

namespace DogMonitor.Tests.Domain.Recording;

public class CameraSourceTests
{
    [Theory]
    [InlineData("synthetic", "synthetic:1280x720@25")]
    [InlineData(" Synthetic ", "synthetic:1280x720@25")]
    [InlineData("synthetic:320x240@25", "synthetic:320x240@25")]
    [InlineData("synthetic:1920x1080@30", "synthetic:1920x1080@30")]
    [InlineData("synthetic:640x360", "synthetic:640x360@25")]
    [InlineData("rtsp://192.168.1.20:554/stream1", "rtsp://192.168.1.20:554/stream1")]
    [InlineData("rtsps://cam.local/live", "rtsps://cam.local/live")]
    [InlineData("rtsp://admin:s3cret@192.168.1.20/h264", "rtsp://***@192.168.1.20/h264")]
    [InlineData("v4l2:/dev/video0", "v4l2:/dev/video0")]
    [InlineData("v4l2:/dev/v4l/by-id/usb-cam-video-index0", "v4l2:/dev/v4l/by-id/usb-cam-video-index0")]
    [InlineData("file:/videos/dog.mp4", "file:/videos/dog.mp4")]
    [InlineData("file:///videos/dog.mp4", "file:/videos/dog.mp4")]
    public void Parse_Accepts(string value, string expected)
    {
        Assert.Equal(expected, CameraSource.Parse(value).ToString());
    }

    [Fact]
    public void Parse_GivesTypedSources()
    {
        Assert.Equal(new SyntheticCameraSource(320, 240, 15), CameraSource.Parse("synthetic:320x240@15"));
        Assert.Equal("rtsp://u:p@cam/s", Assert.IsType<RtspCameraSource>(CameraSource.Parse("rtsp://u:p@cam/s")).ConnectionUrl);
        Assert.Equal("/dev/video2", Assert.IsType<V4l2CameraSource>(CameraSource.Parse("v4l2:/dev/video2")).DevicePath);
        Assert.Equal("/srv/dog.mkv", Assert.IsType<FileCameraSource>(CameraSource.Parse("file:/srv/dog.mkv")).Path);
    }

    [Theory]
    [InlineData(null, "A camera source is required")]
    [InlineData("", "A camera source is required")]
    [InlineData("webcam", "Camera source 'webcam' is not one of synthetic, synthetic:WxH@FPS")]
    [InlineData("http://cam/stream", "is not one of")]
    [InlineData("synthetic:big", "write synthetic:WxH@FPS")]
    [InlineData("synthetic:1281x720@25", "width and height must be even numbers from 16x16 to 3840x2160")]
    [InlineData("synthetic:8x8@25", "width and height must be even")]
    [InlineData("synthetic:7680x4320@25", "width and height must be even")]
    [InlineData("synthetic:1280x720@0", "use 1 to 60")]
    [InlineData("synthetic:1280x720@120", "use 1 to 60")]
    [InlineData("rtsp://", "is not a valid RTSP URL")]
    [InlineData("v4l2:video0", "must name a video device, e.g. v4l2:/dev/video0")]
    [InlineData("v4l2:", "must name a video device")]
    [InlineData("file:dog.mp4", "must give the video's absolute path")]
    public void Parse_Refuses_WithASentence(string? value, string expected)
    {
        var error = Assert.Throws<FormatException>(() => CameraSource.Parse(value));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.EndsWith(".", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rtsp_RedactsItsCredentials_WhereverTheyAppear()
    {
        var source = CameraSource.Parse("rtsp://admin:p%40ss@cam.local:554/live");

        Assert.Equal("[tcp] rtsp://***@cam.local:554/live: Connection refused", source.Redact("[tcp] rtsp://admin:p%40ss@cam.local:554/live: Connection refused"));
        Assert.DoesNotContain("p%40ss", source.ToString(), StringComparison.Ordinal);
        Assert.Equal("nothing secret", CameraSource.Parse("synthetic").Redact("nothing secret"));
    }

    [Theory]
    [InlineData("rtsp://admin:s3cret@192.168.1.20/stream1", "rtsp://admin:•••@192.168.1.20/stream1")]
    [InlineData("rtsp://admin:p%40ss:w0rd@cam.local:554/live?channel=1", "rtsp://admin:•••@cam.local:554/live?channel=1")]
    [InlineData("rtsps://viewer@cam.local/live", "rtsps://viewer@cam.local/live")]
    [InlineData("rtsp://192.168.1.20:554/stream1", "rtsp://192.168.1.20:554/stream1")]
    [InlineData("synthetic:640x360@25", "synthetic:640x360@25")]
    [InlineData("v4l2:/dev/video0", "v4l2:/dev/video0")]
    [InlineData("file:/videos/dog.mp4", "file:/videos/dog.mp4")]
    public void Display_HidesThePasswordButNotTheUser(string value, string expected)
    {
        Assert.Equal(expected, CameraSource.Parse(value).Display);
    }
}
