namespace DogMonitor.Domain.Storage;

/// <summary>
/// An S3-compatible server (section <c>Storage:S3</c>). The seed's variables <c>S3_ENDPOINT_URL</c>,
/// <c>S3_ACCESS_KEY</c>, <c>S3_SECRET_KEY</c> and <c>S3_BUCKET_NAME</c> fill in what this section leaves out.
/// </summary>
public sealed class S3StorageOptions
{
    /// <summary>The server's URL, e.g. <c>http://localhost:9000</c>.</summary>
    public string? Endpoint { get; set; }
    public string? AccessKey { get; set; }
    public string? SecretKey { get; set; }
    public string? Bucket { get; set; }
    public string Region { get; set; } = "us-east-1";

    /// <summary>
    /// The URL browsers reach the server at, when it differs from <see cref="Endpoint"/>
    /// (in compose the app talks to <c>http://minio:9000</c> while browsers use <c>http://localhost:9000</c>).
    /// </summary>
    public string? PublicEndpoint { get; set; }

    /// <summary>How long one request to the server may take before the store counts as unreachable.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(15);

    public const string DefaultBucket = "dog-monitor";
}
