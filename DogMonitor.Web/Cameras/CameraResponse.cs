namespace DogMonitor.Web.Cameras;

/// <summary>A camera and its recorder's state. The source's address is not shown: it may hold a password.</summary>
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
    string LiveUrl);
