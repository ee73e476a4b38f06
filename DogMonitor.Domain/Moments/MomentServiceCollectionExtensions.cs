using DogMonitor.Domain.Clips;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DogMonitor.Domain.Moments;

public static class MomentServiceCollectionExtensions
{
    /// <summary>Keeping moments as the recorder notices them (queueing their clips needs an <see cref="IClipEvents"/> too).</summary>
    public static IServiceCollection AddMomentRecording(this IServiceCollection services)
    {
        services.AddClipOptions();
        services.TryAddScoped<ClipQueue>();
        services.TryAddScoped<MomentRecorder>();
        return services;
    }

    /// <summary>Removing moments past their keeping time (needs the database, the media store and an <see cref="IClipEvents"/>).</summary>
    public static IServiceCollection AddMomentRetention(this IServiceCollection services)
    {
        services.AddOptions<MomentOptions>().BindConfiguration(MomentOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddScoped<ClipRemoval>();
        services.TryAddScoped<MomentRetention>();
        return services;
    }

    /// <summary>The moments API's service, for the signed-in person.</summary>
    public static IServiceCollection AddMoments(this IServiceCollection services)
    {
        services.AddMomentRecording();
        services.TryAddScoped<MomentService>();
        return services;
    }
}
