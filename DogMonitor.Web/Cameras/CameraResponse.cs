using DogMonitor.Domain.Recording;

namespace DogMonitor.Web.Cameras;

/// <summary>A camera and its recorder's state. The source's address is not shown: it may hold a password.</summary>
/// <param name="Stream">What the camera sends (codecs, size, rate, sound) and what the recorder transcodes; null until it has connected.</param>
public sealed record CameraResponse(
    string Id,
    string Name,
    string SourceKind,
    bool Online,
    DateTime? BufferFirst,
    DateTime? BufferLast,
    string? LastError,
    DateTime? LastErrorAt,
    int Restarts,
    string LiveUrl,
    CameraStream? Stream);
