using System.Globalization;
using System.Text;
using DogMonitor.Domain.Owners;
using DogMonitor.Domain.Persistence;
using DogMonitor.Domain.Problems;
using DogMonitor.Domain.Validation;
using Microsoft.EntityFrameworkCore;

namespace DogMonitor.Domain.Search;

/// <summary>
/// The labels a person already uses, most used first: what label fields suggest as they type, so the same dog
/// moment gets the same label and the filter finds it.
/// </summary>
public sealed class LabelService(DogMonitorDbContext db, ICurrentUser user)
{
    public const int DefaultLimit = 20;
    public const int MaxLimit = 100;

    /// <summary>
    /// The caller's labels starting with <paramref name="prefix"/> (all when it is empty), with how many snapshots
    /// and clips carry each. Throws <see cref="RequestValidationException"/> for a prefix or limit out of range.
    /// </summary>
    public async Task<IReadOnlyList<LabelCount>> InUseAsync(string? prefix, int? limit, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        // Labels are stored trimmed and lower-cased (ItemRules): the prefix is compared the same way.
        var start = prefix?.TrimStart().Normalize(NormalizationForm.FormC).ToLower(CultureInfo.InvariantCulture) ?? "";
        if (start.Length > ItemRules.MaxLabelLength)
            errors.Add("prefix", $"prefix is {start.Length} characters long; a label has at most {ItemRules.MaxLabelLength}.");
        if (limit is < 1 or > MaxLimit)
            errors.Add("limit", $"limit must be between 1 and {MaxLimit}.");
        if (!errors.IsEmpty) throw new RequestValidationException(errors);

        // Counted per table in the database, then added up here (a person has a few hundred labels at most).
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (label, count) in await db.CountLabelsAsync<Snapshots.Snapshot>(user.OwnerId, start, cancellationToken))
            counts[label] = count;
        foreach (var (label, count) in await db.CountLabelsAsync<Clips.Clip>(user.OwnerId, start, cancellationToken))
            counts[label] = counts.GetValueOrDefault(label) + count;
        return [.. counts
            .OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal)
            .Take(limit ?? DefaultLimit)
            .Select(c => new LabelCount(c.Key, c.Value))];
    }
}
