using DogMonitor.Domain.Messages;
using DogMonitor.Domain.Moments;
using DogMonitor.Domain.Persistence;
using DogMonitor.Web.Events;
using MassTransit;

namespace DogMonitor.Web.Clips;

/// <summary>
/// Hands the workers' clip status events to the pages and the API clients' streams open in this process; a moment's clip
/// is told as its moment's news, named by the moment.
/// </summary>
public sealed class ClipStatusChangedConsumer(ClipStatusFeed feed, EventHub events, ApiEventEncoder encoder, DogMonitorDbContext db) : IConsumer<ClipStatusChanged>
{
    public async Task Consume(ConsumeContext<ClipStatusChanged> context)
    {
        var change = context.Message;
        events.Publish(encoder.From(change, await MomentOfAsync(change, context.CancellationToken)));
        await feed.PublishAsync(change);
    }

    // The database away for a moment costs the event its moment's id (data.id null), not the event.
    private async Task<Guid?> MomentOfAsync(ClipStatusChanged change, CancellationToken cancellationToken)
    {
        try
        {
            return await MomentClips.MomentOfAsync(db, change.ClipId, change.OwnerId, cancellationToken);
        }
        catch (Exception ex) when (DatabaseErrors.IsDatabaseFailure(ex))
        {
            return null;
        }
    }
}
