using DogMonitor.Domain.Owners;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DogMonitor.Domain.Snapshots;

public static class SnapshotServiceCollectionExtensions
{
    public static IServiceCollection AddSnapshots(this IServiceCollection services)
    {
        services.AddOptions<SnapshotOptions>().BindConfiguration(SnapshotOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<OwnerOptions>().BindConfiguration(OwnerOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddScoped<SnapshotService>();
        return services;
    }
}
