namespace DogMonitor.Domain.Recording;

/// <summary>
/// Where a camera's buffer files are. Shared by the recorder (writes), the cutting workers (read) and
/// the web app (serves live HLS), which in production share this folder as a volume.
/// </summary>
/// <remarks>
/// <c>{root}/{cameraId}/live.m3u8</c>: ffmpeg's short live playlist, for viewers.<br/>
/// <c>{root}/{cameraId}/buffer.m3u8</c>: the recorder's index of every retained segment with wall-clock times.<br/>
/// <c>{root}/{cameraId}/seg-*.ts</c>: the segments.<br/>
/// <c>{root}/{cameraId}/state.json</c>: the recorder's state (<see cref="CameraState"/>).<br/>
/// <c>{root}/{cameraId}/.cuts/{clipId}/</c>: hard links to the segments a running cut uses, so retention cannot take them away.
/// </remarks>
public sealed class BufferLayout(string root)
{
    public string Root { get; } = Path.GetFullPath(root);

    public string CameraDirectory(string cameraId) => Path.Combine(Root, cameraId);
    public string LivePlaylist(string cameraId) => Path.Combine(CameraDirectory(cameraId), "live.m3u8");
    public string BufferPlaylist(string cameraId) => Path.Combine(CameraDirectory(cameraId), "buffer.m3u8");
    public string StateFile(string cameraId) => Path.Combine(CameraDirectory(cameraId), "state.json");
    public string Segment(string cameraId, string fileName) => Path.Combine(CameraDirectory(cameraId), Path.GetFileName(fileName));
    public string CutDirectory(string cameraId, Guid clipId) => Path.Combine(CameraDirectory(cameraId), ".cuts", clipId.ToString("N"));
}
