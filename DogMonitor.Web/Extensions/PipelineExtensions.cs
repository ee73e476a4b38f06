using DogMonitor.Domain.Moments;
using DogMonitor.Domain.Clips;
using DogMonitor.Domain.Integrity;
using DogMonitor.Domain.Snapshots;
using DogMonitor.Web.Clips;
using DogMonitor.Web.Moments;
using DogMonitor.Web.Events;
using DogMonitor.Web.Snapshots;
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
        builder.Services.AddMoments();
        builder.Services.AddSingleton<ClipStatusFeed>();
        builder.Services.AddSingleton<ClipDeletedFeed>();
        builder.Services.AddSingleton<MomentFeed>();
        builder.Services.AddSingleton<SnapshotFeed>();
        builder.Services.AddEventStreams();
        builder.Services.AddScoped<ISnapshotEvents, PublishedSnapshotEvents>();
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
            builder.Services.AddMediaAudit(); // for admins asking; the workers run it on their own
        }
        return builder;
    }

    // Every web process must see every event for its pages and API clients: its own temporary queues, not ones shared
    // with other web processes.
    private static void AddStatusFeed(IBusRegistrationConfigurator bus)
    {
        var instance = Guid.NewGuid().ToString("N")[..12];
        bus.AddConsumer<ClipStatusChangedConsumer>().Endpoint(endpoint => (endpoint.Temporary, endpoint.InstanceId) = (true, instance));
        bus.AddConsumer<ClipDeletedConsumer>().Endpoint(endpoint => (endpoint.Temporary, endpoint.InstanceId) = (true, instance));
        bus.AddConsumer<SnapshotCreatedConsumer>().Endpoint(endpoint => (endpoint.Temporary, endpoint.InstanceId) = (true, instance));
        bus.AddConsumer<SnapshotDeletedConsumer>().Endpoint(endpoint => (endpoint.Temporary, endpoint.InstanceId) = (true, instance));
    }
}
