using System.Globalization;
using DogMonitor.Domain.Problems;
using DogMonitor.Domain.Search;
using DogMonitor.Domain.Validation;

namespace DogMonitor.Domain.Paging;

/// <summary>The filters and position of a newest-first listing of snapshots or clips.</summary>
public sealed record ListQuery(int Limit, PageCursor? Cursor, string? Label, DateTime? From, DateTime? To, string? CameraId)
{
    /// <summary>Words that must start words of the item's labels or note (<c>q=</c>); null for no search.</summary>
    public SearchTerms? Search { get; init; }

    /// <summary>Parses query-string values; throws <see cref="RequestValidationException"/> naming each bad one.</summary>
    public static ListQuery Parse(int? limit, string? cursor, string? label, string? from, string? to, string? cameraId, string? q = null)
    {
        var errors = new ValidationErrors();
        if (limit is < 1 or > PageRequest.MaxLimit)
            errors.Add("limit", $"limit must be between 1 and {PageRequest.MaxLimit}.");
        PageCursor? position = null;
        if (cursor is not null && !PageCursor.TryDecode(cursor, out position))
            errors.Add("cursor", "cursor is not one this server handed out; pass next_cursor from the previous page as it is.");
        var labels = label is null ? [] : ItemRules.NormalizeLabels([label], errors);
        var camera = ItemRules.NormalizeCameraId(cameraId, errors);
        var fromTime = ParseTime(from, "from", errors);
        var toTime = ParseTime(to, "to", errors);
        var search = SearchTerms.Parse(q, errors);
        if (fromTime > toTime)
            errors.Add("from", "from must not be later than to.");
        if (!errors.IsEmpty) throw new RequestValidationException(errors);
        return new ListQuery(limit ?? PageRequest.DefaultLimit, position, labels.FirstOrDefault(), fromTime, toTime, camera) { Search = search };
    }

    /// <summary>An ISO 8601 time from a query string (UTC), null when absent; a sentence in <paramref name="errors"/> when unreadable.</summary>
    internal static DateTime? ParseTime(string? value, string field, ValidationErrors errors)
    {
        if (value is null) return null;
        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
            return parsed.UtcDateTime;
        errors.Add(field, $"{field} must be an ISO 8601 time such as 2024-10-24T10:30:00Z.");
        return null;
    }
}
