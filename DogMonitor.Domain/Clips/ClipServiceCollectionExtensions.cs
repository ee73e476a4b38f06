using DogMonitor.Domain.Hosting;
using DogMonitor.Domain.Sharing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DogMonitor.Domain.Clips;

public static class ClipServiceCollectionExtensions
{
    public static IServiceCollection AddClipOptions(this IServiceCollection services)
    {
        if (services.Has<Microsoft.Extensions.Options.IConfigureOptions<ClipOptions>>()) return services;
        services.AddOptions<ClipOptions>().BindConfiguration(ClipOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        return services;
    }

    /// <summary>The clip and share-link services the API uses (queueing needs an <see cref="IClipEvents"/> registered too).</summary>
    public static IServiceCollection AddClips(this IServiceCollection services)
    {
        services.AddClipOptions();
        services.TryAddScoped<ClipQueue>();
        services.TryAddScoped<ClipRemoval>();
        services.AddScoped<ClipService>();
        services.AddScoped<ShareService>();
        return services;
    }
}
