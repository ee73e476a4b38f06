using DogMonitor.Domain.Cameras;
using DogMonitor.Domain.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace DogMonitor.Domain.Recording;

public static class RecordingServiceCollectionExtensions
{
    /// <summary>
    /// Registers what reads the recording buffer: <see cref="RecordingOptions"/> (section <c>Recording</c>, buffer
    /// folder defaulting to <c>{DataDirectory}/buffer</c>), <see cref="BufferLayout"/>, the <see cref="CameraCatalog"/>,
    /// <see cref="IRecordingBuffer"/> and <see cref="ICameraStateReader"/>.
    /// </summary>
    public static IServiceCollection AddRecordingBuffer(this IServiceCollection services)
    {
        if (services.Any(d => d.ServiceType == typeof(BufferLayout))) return services;

        services.AddDataDirectory();
        services.AddCameras();
        services.AddOptions<RecordingOptions>()
            .BindConfiguration(RecordingOptions.SectionName)
            .PostConfigure<DataDirectory>((options, data) =>
            {
                if (string.IsNullOrWhiteSpace(options.BufferDirectory)) options.BufferDirectory = data.Combine("buffer");
            })
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new BufferLayout(sp.GetRequiredService<IOptions<RecordingOptions>>().Value.BufferDirectory!));
        services.AddSingleton<IRecordingBuffer, RecordingBuffer>();
        services.AddSingleton<CameraStateFiles>();
        services.AddSingleton<ICameraStateReader>(sp => sp.GetRequiredService<CameraStateFiles>());
        return services;
    }
}
