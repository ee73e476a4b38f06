using System.Globalization;
using DogMonitor.Domain.Validation;

namespace DogMonitor.Domain.Clips;

/// <summary>The rules for a clip's range and mode.</summary>
public static class ClipRules
{
    /// <summary>Whether a clip's story has ended: ready or failed, it changes no more (but for its labels and note).</summary>
    public static bool IsFinal(ClipStatus status) => status is ClipStatus.Ready or ClipStatus.Failed;

    public const int MinDurationMs = 1000;

    /// <summary>Frames in a clip's scrub strip (<see cref="Clip.PreviewSpriteKey"/>), spread evenly over the video.</summary>
    public const int SpriteFrames = 10;

    /// <summary>Width of each frame in the scrub strip; the height follows the video's shape.</summary>
    public const int SpriteFrameWidth = 160;

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

    /// <summary>
    /// The part of a ready clip to keep, [<paramref name="startMs"/>, <paramref name="endMs"/>) of its video, checked
    /// against the video's produced length; null (with the reasons in <paramref name="errors"/>) when it breaks a rule.
    /// </summary>
    public static (int OffsetMs, int DurationMs)? CheckTrim(Clip source, long? startMs, long? endMs, ValidationErrors errors)
    {
        var length = source.ProducedDurationMs ?? source.DurationMs;
        if (startMs is null) errors.Add("start_ms", $"start_ms is required: where the new clip starts in this one, 0 to {length} ms.");
        else if (startMs < 0 || startMs >= length) errors.Add("start_ms", $"start_ms must be within the clip, 0 to {length - 1} ms; {startMs} was sent.");
        if (endMs is null) errors.Add("end_ms", $"end_ms is required: where the new clip ends in this one, up to {length} ms.");
        else if (endMs <= 0 || endMs > length) errors.Add("end_ms", $"end_ms must be within the clip, at most {length} ms (its length); {endMs} was sent.");
        if (!errors.IsEmpty) return null;
        if (endMs <= startMs)
            errors.Add("end_ms", $"end_ms ({endMs}) must come after start_ms ({startMs}).");
        else if (endMs - startMs < MinDurationMs)
            errors.Add("end_ms", $"The trimmed clip would last {endMs - startMs} ms; a clip lasts at least {MinDurationMs} ms.");
        return errors.IsEmpty ? ((int)startMs!.Value, (int)(endMs!.Value - startMs.Value)) : null;
    }

    /// <summary>Why a clip cannot be trimmed yet: only a ready clip has a video to cut from.</summary>
    public static string NotTrimmable(ClipStatus status) => status == ClipStatus.Failed
        ? "This clip could not be made, so there is no video to trim; cut it again from the recording instead."
        : "This clip is still being cut; trim it once it is ready.";

    /// <summary>Why a moment cannot be kept yet: its clip is copied from its video, which a failed or unfinished cut lacks.</summary>
    public static string NotKeepable(ClipStatus status) => status == ClipStatus.Failed
        ? "This moment's clip could not be made, so there is nothing to keep."
        : "This moment's clip is still being cut; keep it once it is ready.";

    /// <summary>Why a second trim may not replace a clip: the first would retire it, and the second would be left over as a copy.</summary>
    public const string AlreadyBeingReplaced = "A trim is already being cut to take this clip's place; wait for it to be ready, or save this one as a new clip.";

    /// <summary>Why a trim failed: the clip it was to be cut from was deleted, or lost its video, meanwhile.</summary>
    public const string TrimSourceGone = "The clip this was to be trimmed from was deleted or lost its video before the trim was cut.";

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
