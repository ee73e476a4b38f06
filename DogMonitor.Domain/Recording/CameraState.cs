namespace DogMonitor.Domain.Recording;

/// <summary>What the recorder last said about a camera (kept in the camera's <c>state.json</c>).</summary>
/// <param name="Stream">What the camera sends and how it is recorded, once the recorder has connected; null before.</param>
public sealed record CameraState(
    string CameraId,
    bool Online,
    DateTime? BufferFirst,
    DateTime? BufferLast,
    string? LastError,
    DateTime? LastErrorAt,
    int Restarts,
    DateTime UpdatedAt,
    CameraStream? Stream = null);
