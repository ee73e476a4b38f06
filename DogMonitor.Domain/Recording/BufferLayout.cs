namespace DogMonitor.Domain.Recording;

/// <summary>
/// Where a camera's buffer files are. Shared by the recorder (writes), the cutting workers (read) and
/// the web app (serves live HLS), which in production share this folder as a volume.
/// </summary>
/// <remarks>
/// <c>{root}/{cameraId}/live.m3u8</c>: ffmpeg's short live playlist, for viewers.<br/>
/// <c>{root}/{cameraId}/buffer.m3u8</c>: the recorder's index of every retained segment with wall-clock times.<br/>
/// <c>{root}/{cameraId}/seg-{run}-*.m4s</c>: the segments, fragmented MP4, each run's initialisation segment in <c>seg-{run}-init.mp4</c>
/// (buffers recorded before fragmented MP4 hold <c>seg-*.ts</c>, which stand alone).<br/>
/// <c>{root}/{cameraId}/h264-live.m3u8</c> and <c>h264-*</c>: for a camera browsers cannot play (H.265), the live view's own H.264 encoding.<br/>
/// <c>{root}/{cameraId}/state.json</c>: the recorder's state (<see cref="CameraState"/>).<br/>
/// <c>{root}/{cameraId}/.cuts/{clipId}/</c>: hard links to the segments a running cut uses, so retention cannot take them away.
/// </remarks>
public sealed class BufferLayout(string root)
{
    /// <summary>The live view's H.264 encoding of a camera browsers cannot play: its playlist and segments start with this.</summary>
    public const string LiveTranscodePrefix = "h264-";

    public string Root { get; } = Path.GetFullPath(root);

    public string CameraDirectory(string cameraId) => Path.Combine(Root, cameraId);
    public string LivePlaylist(string cameraId) => Path.Combine(CameraDirectory(cameraId), "live.m3u8");
    /// <summary>The live playlist of the H.264 encoding made for viewers when the camera sends what browsers cannot play.</summary>
    public string TranscodedLivePlaylist(string cameraId) => Path.Combine(CameraDirectory(cameraId), LiveTranscodePrefix + "live.m3u8");
    public string BufferPlaylist(string cameraId) => Path.Combine(CameraDirectory(cameraId), "buffer.m3u8");
    public string StateFile(string cameraId) => Path.Combine(CameraDirectory(cameraId), "state.json");
    public string Segment(string cameraId, string fileName) => Path.Combine(CameraDirectory(cameraId), Path.GetFileName(fileName));
    public string CutDirectory(string cameraId, Guid clipId) => Path.Combine(CameraDirectory(cameraId), ".cuts", clipId.ToString("N"));
}
