using DogMonitor.Domain.Clips;
using DogMonitor.Domain.Integrity;
using DogMonitor.Domain.Moments;
using DogMonitor.Domain.Persistence;
using DogMonitor.Domain.Storage;
using DogMonitor.Worker.Clips;
using DogMonitor.Worker.Ffmpeg;
using DogMonitor.Worker.Messaging;
using DogMonitor.Worker.Recording;

namespace DogMonitor.Worker;

public static class WorkerPipeline
{
    /// <summary>
    /// The background pipeline: recorders (when <c>Recording:Enabled</c>) and clip cutting (when
    /// <c>Clips:CuttingEnabled</c>). The worker process calls this; so does the web app in the embedded default.
    /// </summary>
    /// <param name="configureBus">More consumers the hosting process has (the web app's status feed).</param>
    public static IServiceCollection AddWorkerPipeline(this IServiceCollection services, IConfiguration configuration,
        Action<MassTransit.IBusRegistrationConfigurator>? configureBus = null)
    {
        services.AddDogMonitorDatabase();
        services.AddMediaStore();
        services.AddClipOptions();
        services.AddFfmpeg();
        services.AddRecorders();
        var cutting = configuration.GetValue(ClipOptions.SectionName + ":" + nameof(ClipOptions.CuttingEnabled), true);
        services.AddDogMonitorMessaging(configuration, consumeJobs: cutting, configureBus);
        services.AddScoped<ClipProcessor>();
        services.AddScoped<TrimSource>();
        services.AddSingleton<ClipUploader>();
        services.AddScoped<ClipMediaCleanup>();
        services.AddMediaAudit();
        services.AddMomentRetention();
        if (cutting)
        {
            services.AddHostedService<ClipLeaseSweeper>();
            services.AddHostedService<MediaAuditSweeper>();
            services.AddHostedService<MomentRetentionSweeper>();
        }
        return services;
    }
}
