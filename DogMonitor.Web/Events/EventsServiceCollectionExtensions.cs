using MassTransit;

namespace DogMonitor.Web.Events;

public static class EventsServiceCollectionExtensions
{
    /// <summary>The live event streams of API clients; the bus's consumers feed the <see cref="EventHub"/>.</summary>
    public static IServiceCollection AddEventStreams(this IServiceCollection services)
    {
        services.AddOptions<EventStreamOptions>().BindConfiguration(EventStreamOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ApiEventEncoder>();
        services.AddSingleton<EventHub>();
        services.AddSingleton<StreamAccess>();
        services.AddReceiveEndpointObserver<BusReconnections>();
        return services;
    }
}
