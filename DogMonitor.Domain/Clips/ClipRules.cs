using System.Globalization;
using DogMonitor.Domain.Validation;

namespace DogMonitor.Domain.Clips;

/// <summary>The rules for a clip's range and mode.</summary>
public static class ClipRules
{
    public const int MinDurationMs = 1000;

    public static DateTime? ParseStart(string? value, ClipOptions options, DateTime now, ValidationErrors errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add("start_ts", "start_ts is required: an ISO 8601 time such as 2024-10-24T10:30:00Z.");
            return null;
        }
        if (!DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed) || parsed.Year < 2000)
        {
            errors.Add("start_ts", $"'{(value.Length > 40 ? value[..40] + "…" : value)}' is not an ISO 8601 time such as 2024-10-24T10:30:00Z.");
            return null;
        }
        var start = parsed.UtcDateTime;
        if (start > now + options.MaxStartAhead)
        {
            errors.Add("start_ts", string.Create(CultureInfo.InvariantCulture,
                $"start_ts {start:yyyy-MM-ddTHH:mm:ss.fffZ} is {(start - now).TotalSeconds:0} s ahead of now; a clip may start at most {options.MaxStartAhead.TotalSeconds:0} s ahead."));
            return null;
        }
        return start;
    }

    public static int? CheckDuration(long? durationMs, ClipOptions options, ValidationErrors errors)
    {
        var max = (long)options.MaxDuration.TotalMilliseconds;
        if (durationMs is null)
            errors.Add("duration_ms", $"duration_ms is required: the clip's length in milliseconds, {MinDurationMs} to {max}.");
        else if (durationMs < MinDurationMs || durationMs > max)
            errors.Add("duration_ms", $"duration_ms must be between {MinDurationMs} and {max} (the configured maximum); {durationMs} was sent.");
        else
            return (int)durationMs;
        return null;
    }

    public static ClipMode ParseMode(string? mode, ValidationErrors errors)
    {
        switch (mode?.Trim().ToLowerInvariant())
        {
            case null or "" or "exact": return ClipMode.Exact;
            case "fast": return ClipMode.Fast;
            default:
                errors.Add("mode", "mode is 'exact' (frame-accurate, the default) or 'fast' (keyframe-aligned copy).");
                return ClipMode.Exact;
        }
    }

    /// <summary>Why a clip failed once every attempt was used: what its owner reads.</summary>
    /// <param name="lastFailure">Why the last try failed, when it is known (a dependency that was away, named).</param>
    public static string OutOfAttempts(int attempts, string? lastFailure = null) => lastFailure is null
        ? $"Cutting was tried {attempts} times without success; see the worker's log."
        : $"Cutting was tried {attempts} times without success. The last try failed: {lastFailure}";

    /// <summary>Why a try failed when its worker stopped renewing its claim: what <see cref="OutOfAttempts"/> says last.</summary>
    public const string WorkerStopped = "The worker cutting it stopped answering (it crashed, or lost the database) and another one took over.";

    /// <summary>
    /// How long a queued clip waits before its job is published again: <see cref="ClipOptions.QueuedRepublishAfter"/>,
    /// doubling with each failed try (a store or database that is away gets time to come back), at most 16 times it.
    /// </summary>
    public static TimeSpan RetryDelay(ClipOptions options, int attemptsMade) =>
        options.QueuedRepublishAfter * (1 << Math.Clamp(attemptsMade - 1, 0, 4));

    /// <summary>Why a ready clip was marked failed: its video or preview is gone from the store.</summary>
    public static string MediaMissing(string store) =>
        $"This clip's video is no longer in storage ({store}), so it cannot be played. Delete it, or put the file back and cut it again.";
}
