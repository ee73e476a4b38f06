using DogMonitor.Domain.Clips;
using DogMonitor.Domain.Messages;
using DogMonitor.Domain.Snapshots;
using DogMonitor.Worker.Clips;
using MassTransit;
using Microsoft.Extensions.Options;

namespace DogMonitor.Worker.Messaging;

public static class MessagingServiceCollectionExtensions
{
    /// <summary>
    /// MassTransit over the configured transport. With <paramref name="consumeJobs"/> this process cuts
    /// clips and answers frame requests; without, it only publishes and asks.
    /// </summary>
    /// <param name="configureBus">More consumers this host has (the web app's status feed).</param>
    public static IServiceCollection AddDogMonitorMessaging(this IServiceCollection services, IConfiguration configuration, bool consumeJobs,
        Action<IBusRegistrationConfigurator>? configureBus = null)
    {
        services.AddOptions<MessagingOptions>().BindConfiguration(MessagingOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        var settings = configuration.GetSection(MessagingOptions.SectionName).Get<MessagingOptions>() ?? new MessagingOptions();
        services.AddMassTransit(bus =>
        {
            bus.SetEndpointNameFormatter(new KebabCaseEndpointNameFormatter(settings.EndpointPrefix, includeNamespace: false));
            // A camera archive at home does not report on itself to anyone: MassTransit's usage telemetry stays off.
            bus.ConfigureUsageTelemetryOptions(telemetry => telemetry.Enabled = false);
            if (consumeJobs)
            {
                bus.AddConsumer<CutClipConsumer, CutClipConsumerDefinition>();
                bus.AddConsumer<CaptureFrameConsumer>();
            }
            bus.AddRequestClient<CaptureFrame>(RequestTimeout.After(ms: (int)BusFrameSource.AnswerTimeout.TotalMilliseconds));
            configureBus?.Invoke(bus);
            if (settings.Transport == MessagingTransport.RabbitMq)
            {
                bus.UsingRabbitMq((context, rabbit) =>
                {
                    var options = context.GetRequiredService<IOptions<MessagingOptions>>().Value;
                    rabbit.Host(options.Host, (ushort)options.Port, options.VirtualHost, host =>
                    {
                        host.Username(options.Username);
                        host.Password(options.Password);
                    });
                    if (settings.EndpointPrefix.Length > 0)
                        rabbit.MessageTopology.SetEntityNameFormatter(new PrefixEntityNameFormatter(rabbit.MessageTopology.EntityNameFormatter, settings.EndpointPrefix + "-"));
                    rabbit.ConfigureEndpoints(context);
                });
            }
            else
            {
                bus.UsingInMemory((context, memory) => memory.ConfigureEndpoints(context));
            }
        });
        services.AddScoped<IFrameSource, BusFrameSource>();
        services.AddScoped<BoundedPublisher>();
        services.AddScoped<IClipEvents, PublishedClipEvents>();
        services.AddOptions<MassTransitHostOptions>().Configure(options =>
        {
            // Publishing before the bus is connected would fail the first requests after start.
            options.WaitUntilStarted = true;
            options.StartTimeout = TimeSpan.FromSeconds(60);
            options.StopTimeout = TimeSpan.FromSeconds(30);
        });
        return services;
    }
}
