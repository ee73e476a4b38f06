using DogMonitor.Domain.Paging;

namespace DogMonitor.Web.Components.Gallery;

/// <summary>What the gallery shows: a label, a camera and a range of days (the viewer's dates, inclusive).</summary>
public sealed record GalleryFilter(string? Label = null, string? CameraId = null, DateTime? FromDay = null, DateTime? ToDay = null)
{
    public bool IsEmpty => Label is null && CameraId is null && FromDay is null && ToDay is null;

    public ListQuery ToQuery(int limit, PageCursor? cursor) => new(
        limit,
        cursor,
        Label,
        FromDay?.Date.ToUniversalTime(),
        // The last day counts whole: the listing's upper bound is exclusive.
        ToDay?.Date.AddDays(1).ToUniversalTime(),
        CameraId);
}
