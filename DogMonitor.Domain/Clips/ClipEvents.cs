using DogMonitor.Domain.Messages;

namespace DogMonitor.Domain.Clips;

public static class ClipEvents
{
    public static ClipStatusChanged StatusOf(Clip clip, DateTime at) =>
        new(clip.Id, clip.OwnerId, clip.Status, clip.Progress, clip.Error, at);
}
