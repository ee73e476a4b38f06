namespace DogMonitor.Domain.Storage;

/// <summary>
/// Where image and video bytes live. Keys are relative paths such as <c>snapshots/{id}/image.jpg</c>.
/// Every failure to reach the store surfaces as <see cref="Problems.DependencyUnavailableException"/>.
/// </summary>
public interface IMediaStore
{
    /// <summary>A short name for logs and health output, e.g. <c>filesystem</c> or <c>s3 http://minio:9000/dog-monitor</c>.</summary>
    string Description { get; }

    Task PutAsync(string key, Stream content, long length, string contentType, CancellationToken cancellationToken);

    /// <summary>
    /// Opens an object for streaming, without reading it into memory; null when there is no such object
    /// (deleted meanwhile, or never uploaded).
    /// </summary>
    Task<MediaObject?> OpenReadAsync(string key, CancellationToken cancellationToken);

    /// <summary>Removes an object; removing a missing object is not an error.</summary>
    Task DeleteAsync(string key, CancellationToken cancellationToken);

    /// <summary>
    /// A short-lived URL that serves the object to whoever holds it. Absolute for S3 (presigned);
    /// relative to the web app for the filesystem store (signed).
    /// </summary>
    Task<Uri> GetReadUrlAsync(string key, CancellationToken cancellationToken);

    /// <summary>Every object whose key starts with <paramref name="prefix"/>, in key order.</summary>
    Task<IReadOnlyList<StoredObject>> ListAsync(string prefix, CancellationToken cancellationToken);

    /// <summary>Throws <see cref="Problems.DependencyUnavailableException"/> when the store cannot be used.</summary>
    Task CheckAsync(CancellationToken cancellationToken);
}
