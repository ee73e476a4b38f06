using DogMonitor.Domain.Activity;
using DogMonitor.Domain.Paging;
using DogMonitor.Domain.Problems;
using DogMonitor.Domain.Validation;

namespace DogMonitor.Domain.Moments;

/// <summary>What a moments listing asks for: newest first, keyset-paged, filtered by camera, time, kind and whether the caller reviewed them.</summary>
public sealed record MomentQuery(int Limit, PageCursor? Cursor, string? CameraId, DateTime? From, DateTime? To, ActivityKinds? Kind, bool? Reviewed)
{
    /// <exception cref="RequestValidationException">A parameter is malformed; one sentence per parameter.</exception>
    public static MomentQuery Parse(int? limit, string? cursor, string? cameraId, string? from, string? to, string? kind, string? reviewed)
    {
        // The clip and snapshot listings' rules for limit, cursor, camera and times, in one place.
        var list = ListQuery.Parse(limit, cursor, label: null, from, to, cameraId);
        var errors = new ValidationErrors();
        ActivityKinds? kinds = null;
        if (kind is not null && (kinds = ActivityKindNames.Parse(kind)) is null)
            errors.Add("kind", "kind is motion or sound.");
        bool? seen = null;
        if (reviewed is not null)
        {
            if (bool.TryParse(reviewed, out var value)) seen = value;
            else errors.Add("reviewed", "reviewed is true or false.");
        }
        if (!errors.IsEmpty) throw new RequestValidationException(errors);
        return new MomentQuery(list.Limit, list.Cursor, list.CameraId, list.From, list.To, kinds, seen);
    }
}

/// <summary>A moment, its clip, and whether the caller has reviewed it.</summary>
public sealed record MomentView(Moment Moment, Clips.Clip Clip, bool Reviewed);
