using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace DogMonitor.Worker.Ffmpeg;

public static class FfmpegServiceCollectionExtensions
{
    /// <summary>Registers <see cref="IClipCutter"/> over ffmpeg, configured by the <c>Ffmpeg</c> section (<see cref="FfmpegOptions"/>).</summary>
    public static IServiceCollection AddFfmpeg(this IServiceCollection services)
    {
        services.AddOptions<FfmpegOptions>()
            .BindConfiguration(FfmpegOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<FfmpegOptions>, FfmpegOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<FfmpegRunner>();
        services.TryAddSingleton<IClipCutter, FfmpegClipCutter>();
        return services;
    }
}
