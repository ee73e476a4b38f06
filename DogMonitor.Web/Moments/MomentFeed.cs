using DogMonitor.Domain.Cameras;
using DogMonitor.Domain.Moments;
using DogMonitor.Web.Clips;

namespace DogMonitor.Web.Moments;

/// <summary>
/// Moments' news for the pages open in this process, read from the clip feeds: a moment's clip queued (a new moment), cut,
/// failed or gone, for the cameras a page may show.
/// </summary>
public sealed class MomentFeed(ClipStatusFeed statuses, ClipDeletedFeed deletions)
{
    /// <summary>Calls <paramref name="handler"/> for each piece of news of a moment on one of <paramref name="cameras"/>, until disposed.</summary>
    public IDisposable Subscribe(VisibleCameras cameras, Func<MomentNews, Task> handler)
    {
        bool Shown(string ownerId, string? cameraId) => ownerId == MomentClips.Owner && cameras.Find(cameraId) is not null;
        var changes = statuses.Subscribe(c => Shown(c.OwnerId, c.CameraId) ? handler(new MomentNews(c.ClipId, c.IsNew, Gone: false)) : Task.CompletedTask);
        var gone = deletions.Subscribe(d => Shown(d.OwnerId, d.CameraId) ? handler(new MomentNews(d.ClipId, IsNew: false, Gone: true)) : Task.CompletedTask);
        return new Both(changes, gone);
    }

    private sealed class Both(IDisposable first, IDisposable second) : IDisposable
    {
        public void Dispose()
        {
            first.Dispose();
            second.Dispose();
        }
    }
}

/// <summary>Something happened to the moment whose clip is <paramref name="ClipId"/>.</summary>
/// <param name="IsNew">A new moment.</param>
/// <param name="Gone">The moment is gone (kept long enough).</param>
public sealed record MomentNews(Guid ClipId, bool IsNew, bool Gone);
