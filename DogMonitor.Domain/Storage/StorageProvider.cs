namespace DogMonitor.Domain.Storage;

public enum StorageProvider
{
    /// <summary>Files under the data directory, served by the web app through signed URLs.</summary>
    FileSystem,

    /// <summary>An S3-compatible server (MinIO, AWS, Ceph …) through presigned URLs.</summary>
    S3,
}
