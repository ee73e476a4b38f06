using DogMonitor.Domain.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace DogMonitor.Domain.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>Registers the media store chosen by <c>Storage:Provider</c>.</summary>
    public static IServiceCollection AddMediaStore(this IServiceCollection services)
    {
        if (services.Has<IMediaStore>()) return services;
        services.AddDataDirectory();
        services.AddOptions<StorageOptions>()
            .BindConfiguration(StorageOptions.SectionName)
            .PostConfigure<IConfiguration>(ApplySeedAliases)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);

        services.AddSingleton(sp => new MediaUrlSigner(
            SigningKeyFile.Load(sp.GetRequiredService<IOptions<StorageOptions>>().Value.FileSystem, sp.GetRequiredService<DataDirectory>()),
            sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<FileSystemMediaStore>();
        services.AddSingleton<S3MediaStore>();
        services.AddSingleton<IMediaStore>(sp =>
            sp.GetRequiredService<IOptions<StorageOptions>>().Value.Provider == StorageProvider.S3
                ? sp.GetRequiredService<S3MediaStore>()
                : sp.GetRequiredService<FileSystemMediaStore>());
        return services;
    }

    public static IServiceCollection AddDataDirectory(this IServiceCollection services)
    {
        services.TryAddSingleton(sp => DataDirectory.From(sp.GetRequiredService<IConfiguration>()[DataDirectory.ConfigurationKey]));
        return services;
    }

    // The seed's environment variables, honoured where the Storage section leaves a value out.
    private static void ApplySeedAliases(StorageOptions options, IConfiguration configuration)
    {
        var s3 = options.S3;
        s3.Endpoint ??= configuration["S3_ENDPOINT_URL"];
        s3.AccessKey ??= configuration["S3_ACCESS_KEY"];
        s3.SecretKey ??= configuration["S3_SECRET_KEY"];
        s3.Bucket ??= configuration["S3_BUCKET_NAME"] ?? S3StorageOptions.DefaultBucket;
    }
}
