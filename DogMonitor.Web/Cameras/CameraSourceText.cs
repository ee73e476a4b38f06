using DogMonitor.Domain.Cameras;

namespace DogMonitor.Web.Cameras;

/// <summary>What kind of source a camera is, in a person's words.</summary>
public static class CameraSourceText
{
    public static string Kind(CameraSource source) => source switch
    {
        SyntheticCameraSource => "Test pattern",
        RtspCameraSource => "Network camera (RTSP)",
        V4l2CameraSource => "Webcam (V4L2)",
        FileCameraSource => "Video file, played in a loop",
        _ => "Other",
    };
}
