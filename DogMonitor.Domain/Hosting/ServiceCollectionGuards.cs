using Microsoft.Extensions.DependencyInjection;

namespace DogMonitor.Domain.Hosting;

/// <summary>
/// The web app and the worker pipeline it can host both register the shared parts; a second registration must
/// add nothing (a validator registered twice reports every bad setting twice).
/// </summary>
public static class ServiceCollectionGuards
{
    public static bool Has<TService>(this IServiceCollection services) =>
        services.Any(descriptor => descriptor.ServiceType == typeof(TService));
}
