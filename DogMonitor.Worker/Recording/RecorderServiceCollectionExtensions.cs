using DogMonitor.Domain.Moments;
using DogMonitor.Domain.Recording;

namespace DogMonitor.Worker.Recording;

public static class RecorderServiceCollectionExtensions
{
    /// <summary>
    /// Registers the recording buffer (<see cref="RecordingServiceCollectionExtensions.AddRecordingBuffer"/>) and the
    /// recorders, which run one ffmpeg per camera when <c>Recording:Enabled</c> is true. Exactly one process per
    /// installation should record.
    /// </summary>
    public static IServiceCollection AddRecorders(this IServiceCollection services)
    {
        services.AddRecordingBuffer();
        if (services.Any(d => d.ServiceType == typeof(RecorderHost))) return services;
        services.AddMomentRecording();
        services.AddSingleton<ActivityPeriods>();
        services.AddSingleton<RecorderZones>();
        services.AddHostedService<MomentWriter>();
        services.AddSingleton<RecorderHost>();
        services.AddHostedService(sp => sp.GetRequiredService<RecorderHost>());
        return services;
    }
}
