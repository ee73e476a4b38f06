using DogMonitor.Domain.Problems;
using DogMonitor.Domain.Validation;

namespace DogMonitor.Web.Downloads;

/// <summary>The ids a batch download asks for, parsed and de-duplicated, in the order asked.</summary>
public sealed record ArchiveRequest(IReadOnlyList<Guid> SnapshotIds, IReadOnlyList<Guid> ClipIds)
{
    public const int MaxItems = 100;

    /// <exception cref="RequestValidationException">No ids, too many, or one that is not an id.</exception>
    public static ArchiveRequest Parse(string[]? snapshotIds, string[]? clipIds)
    {
        var errors = new ValidationErrors();
        var snapshots = ParseIds("snapshot_id", snapshotIds ?? [], errors);
        var clips = ParseIds("clip_id", clipIds ?? [], errors);
        if (errors.IsEmpty && snapshots.Count + clips.Count == 0)
            errors.Add("snapshot_id", "Name at least one item: ?snapshot_id=…&clip_id=… (each may be repeated).");
        if (snapshots.Count + clips.Count > MaxItems)
            errors.Add("snapshot_id", $"One download holds at most {MaxItems} items; {snapshots.Count + clips.Count} were asked for. Download them in parts.");
        if (!errors.IsEmpty) throw new RequestValidationException(errors);
        return new ArchiveRequest(snapshots, clips);
    }

    private static List<Guid> ParseIds(string field, string[] values, ValidationErrors errors)
    {
        var ids = new List<Guid>();
        foreach (var value in values)
        {
            if (Guid.TryParse(value, out var id)) { if (!ids.Contains(id)) ids.Add(id); }
            else errors.Add(field, $"'{(value.Length > 40 ? value[..40] + "…" : value)}' is not an id; ids look like 0193f1c2-7a4e-7cc1-9d2b-5b7f3e0a1c9d.");
        }
        return ids;
    }
}
