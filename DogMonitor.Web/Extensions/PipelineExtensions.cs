using DogMonitor.Domain.Clips;
using DogMonitor.Web.Clips;
using MassTransit;
using DogMonitor.Domain.Recording;
using DogMonitor.Worker;
using DogMonitor.Worker.Messaging;

namespace DogMonitor.Web.Extensions;

public static class PipelineExtensions
{
    /// <summary>
    /// Clips and the recording buffer. With <c>Worker:InProcess</c> (the embedded default) the worker pipeline
    /// (recorder, clip cutting) runs inside this process; otherwise this process only queues, asks and shows,
    /// and <c>DogMonitor.Worker</c> processes do the work.
    /// </summary>
    public static WebApplicationBuilder AddBackgroundPipeline(this WebApplicationBuilder builder)
    {
        builder.Services.AddClips();
        builder.Services.AddSingleton<ClipStatusFeed>();
        if (builder.Configuration.GetValue("Worker:InProcess", true))
        {
            builder.Services.AddWorkerPipeline(builder.Configuration, AddStatusFeed);
        }
        else
        {
            if (builder.Configuration.GetValue(MessagingOptions.SectionName + ":" + nameof(MessagingOptions.Transport), MessagingTransport.InMemory) == MessagingTransport.InMemory)
                throw new InvalidOperationException("Worker:InProcess is false but Messaging:Transport is InMemory: no worker could ever receive a clip. Set Messaging:Transport to RabbitMq (and run DogMonitor.Worker processes), or leave Worker:InProcess true.");
            builder.Services.AddRecordingBuffer();
            builder.Services.AddDogMonitorMessaging(builder.Configuration, consumeJobs: false, AddStatusFeed);
        }
        return builder;
    }

    // Every web process must see every status event: its own temporary queue, not one shared with other web processes.
    private static void AddStatusFeed(IBusRegistrationConfigurator bus) =>
        bus.AddConsumer<ClipStatusChangedConsumer>().Endpoint(endpoint =>
        {
            endpoint.Temporary = true;
            endpoint.InstanceId = Guid.NewGuid().ToString("N")[..12];
        });
}
