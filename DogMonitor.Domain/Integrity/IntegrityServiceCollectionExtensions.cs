using Microsoft.Extensions.DependencyInjection;

namespace DogMonitor.Domain.Integrity;

public static class IntegrityServiceCollectionExtensions
{
    /// <summary>The media audit (needs the database, the media store and an <see cref="Clips.IClipEvents"/>).</summary>
    public static IServiceCollection AddMediaAudit(this IServiceCollection services)
    {
        services.AddOptions<MediaAuditOptions>().BindConfiguration(MediaAuditOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<MediaAudit>();
        return services;
    }
}
