using Microsoft.Extensions.Options;

namespace DogMonitor.Domain.Storage;

/// <summary>Stops the app at start with a sentence when the chosen store is not configured.</summary>
public sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        if (options.Provider != StorageProvider.S3) return ValidateOptionsResult.Success;
        var s3 = options.S3;
        var failures = new List<string>();
        if (!Uri.TryCreate(s3.Endpoint, UriKind.Absolute, out _))
            failures.Add("Storage:S3:Endpoint (or S3_ENDPOINT_URL) must be the S3 server's URL, e.g. http://localhost:9000.");
        if (string.IsNullOrEmpty(s3.AccessKey) || string.IsNullOrEmpty(s3.SecretKey))
            failures.Add("Storage:S3:AccessKey and Storage:S3:SecretKey (or S3_ACCESS_KEY and S3_SECRET_KEY) are required.");
        if (!string.IsNullOrEmpty(s3.PublicEndpoint) && !Uri.TryCreate(s3.PublicEndpoint, UriKind.Absolute, out _))
            failures.Add("Storage:S3:PublicEndpoint must be an absolute URL.");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
