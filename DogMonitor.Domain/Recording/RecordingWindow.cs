using DogMonitor.Domain.Paging;
using DogMonitor.Domain.Problems;
using DogMonitor.Domain.Validation;

namespace DogMonitor.Domain.Recording;

/// <summary>A span of wall-clock time asked of a camera's recording (<c>from</c> and <c>to</c> in a query string).</summary>
public readonly record struct RecordingWindow(DateTime From, DateTime To)
{
    /// <summary>How much is shown when only one end, or neither, is given.</summary>
    public static readonly TimeSpan DefaultLength = TimeSpan.FromHours(1);

    /// <summary>
    /// Reads the window: both ends as given; one end and <see cref="DefaultLength"/> from it; neither, the last hour the
    /// buffer holds (<paramref name="held"/>, or up to <paramref name="now"/> when it holds nothing).
    /// </summary>
    /// <exception cref="RequestValidationException">An end is not an ISO 8601 time, the window is empty or longer than <paramref name="maxLength"/>.</exception>
    public static RecordingWindow Parse(string? from, string? to, BufferSpan? held, DateTime now, TimeSpan maxLength)
    {
        var errors = new ValidationErrors();
        var fromTime = ListQuery.ParseTime(from, "from", errors);
        var toTime = ListQuery.ParseTime(to, "to", errors);
        if (!errors.IsEmpty) throw new RequestValidationException(errors);
        var end = toTime ?? (fromTime is { } start ? start + DefaultLength : held?.Last ?? UtcTime.AsUtc(now));
        var begin = fromTime ?? end - DefaultLength;
        if (end <= begin) errors.Add("from", "from must be earlier than to.");
        else if (end - begin > maxLength) errors.Add("to", $"A window of the recording is at most {Describe(maxLength)} long; ask for a shorter one.");
        if (!errors.IsEmpty) throw new RequestValidationException(errors);
        return new RecordingWindow(begin, end);
    }

    private static string Describe(TimeSpan length) => length.TotalDays >= 1 ? $"{length.TotalDays:0} days" : $"{length.TotalHours:0} hours";
}
