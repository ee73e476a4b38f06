namespace DogMonitor.Domain.Storage;

/// <summary>Content types of the objects DogMonitor stores, from their keys' extensions (files keep no metadata).</summary>
public static class MediaContentTypes
{
    public static string FromKey(string key) => Path.GetExtension(key).ToLowerInvariant() switch
    {
        ".jpg" or ".jpeg" => "image/jpeg",
        ".png" => "image/png",
        ".webp" => "image/webp",
        ".mp4" => "video/mp4",
        _ => "application/octet-stream",
    };

}
