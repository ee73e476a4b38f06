using DogMonitor.Domain.Paging;

namespace DogMonitor.Web.Components.Gallery;

/// <summary>What the gallery shows: a label, a camera and a range of days (the viewer's dates, inclusive).</summary>
public sealed record GalleryFilter(string? Label = null, string? CameraId = null, DateTime? FromDay = null, DateTime? ToDay = null)
{
    public bool IsEmpty => Label is null && CameraId is null && FromDay is null && ToDay is null;

    /// <param name="zone">The viewer's time zone: a day starts at their midnight.</param>
    public ListQuery ToQuery(int limit, PageCursor? cursor, TimeZoneInfo zone) => new(
        limit,
        cursor,
        Label,
        FromDay is { } from ? MidnightUtc(from, zone) : null,
        // The last day counts whole: the listing's upper bound is exclusive.
        ToDay is { } to ? MidnightUtc(to.AddDays(1), zone) : null,
        CameraId);

    private static DateTime MidnightUtc(DateTime day, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(day.Date, DateTimeKind.Unspecified), zone);
}
