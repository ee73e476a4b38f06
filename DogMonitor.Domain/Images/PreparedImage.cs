namespace DogMonitor.Domain.Images;

/// <summary>An image that decoded cleanly, with what it really is and a JPEG thumbnail.</summary>
public sealed record PreparedImage(
    string ContentType,
    string Extension,
    int Width,
    int Height,
    byte[] Thumbnail,
    int ThumbnailWidth,
    int ThumbnailHeight);
