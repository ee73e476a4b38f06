using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DogMonitor.Domain.Cameras;

public static class CameraServiceCollectionExtensions
{
    public const string SectionName = "Cameras";

    /// <summary>Binds the <c>Cameras</c> list (validated at start) and registers the <see cref="CameraCatalog"/>, the current user's <see cref="VisibleCameras"/> and the zones saved for them.</summary>
    public static IServiceCollection AddCameras(this IServiceCollection services)
    {
        // Binding a list twice appends its items twice, so a second call (web and worker hosted together) must do nothing.
        if (services.Any(d => d.ServiceType == typeof(CameraCatalog))) return services;

        services.AddOptions<List<CameraOptions>>().BindConfiguration(SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<List<CameraOptions>>, CameraListValidator>();
        services.AddSingleton<CameraCatalog>();
        services.AddScoped<VisibleCameras>();
        services.AddScoped<Activity.ZoneSettings>(); // needs the database
        return services;
    }
}
