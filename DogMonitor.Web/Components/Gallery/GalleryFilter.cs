using DogMonitor.Domain.Paging;
using DogMonitor.Domain.Search;

namespace DogMonitor.Web.Components.Gallery;

/// <summary>
/// What the gallery shows: words to search for in labels and notes, a label, a camera and a range of days (the
/// viewer's dates, inclusive).
/// </summary>
public sealed record GalleryFilter(string? Label = null, string? CameraId = null, DateTime? FromDay = null, DateTime? ToDay = null, string? Search = null)
{
    public bool IsEmpty => Label is null && CameraId is null && FromDay is null && ToDay is null && Search is null;

    /// <param name="zone">The viewer's time zone: a day starts at their midnight.</param>
    public ListQuery ToQuery(int limit, PageCursor? cursor, TimeZoneInfo zone) => new(
        limit,
        cursor,
        Label,
        FromDay is { } from ? MidnightUtc(from, zone) : null,
        // The last day counts whole: the listing's upper bound is exclusive.
        ToDay is { } to ? MidnightUtc(to.AddDays(1), zone) : null,
        CameraId)
    {
        // The filters component lets only a searchable text through; anything else searches for nothing.
        Search = SearchTerms.TryParse(Search),
    };

    private static DateTime MidnightUtc(DateTime day, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(day.Date, DateTimeKind.Unspecified), zone);
}
