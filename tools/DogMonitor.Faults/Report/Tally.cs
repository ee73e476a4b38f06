using DogMonitor.Domain.Clips;
using System.Text.RegularExpressions;
using DogMonitor.Faults.Faults;
using DogMonitor.Faults.Load;
using DogMonitor.Faults.Stack;

namespace DogMonitor.Faults.Report;

/// <summary>
/// Counts what became of one fault's requests once the load has stopped: waits until every clip accepted is ready or
/// failed, finds the lost, the cut twice (a clip's video written more than once, from the S3 server's request log) and
/// the orphan objects before and after the app's media audit sweeps them.
/// </summary>
public sealed partial class Tally(ProductionStack stack, Inventory inventory, HttpClient client)
{
    public async Task<FaultRow> CountAsync(string fault, IReadOnlyList<Attempt> attempts, FaultOutcome outcome, long s3LogFrom, TimeSpan settleTimeout)
    {
        // Asked to be deleted: a 404 too (a try before it deleted it and lost its answer; one that found nothing at its
        // first try is the fault's to call lost).
        var deleted = attempts.Where(a => a is { Kind: AttemptKind.Delete } && (a.Succeeded || a.Status == 404)).Select(a => a.Id!.Value).ToHashSet();
        var clipIds = Made(attempts, AttemptKind.Clip).Where(id => !deleted.Contains(id)).ToList();
        var snapshotIds = Made(attempts, AttemptKind.Snapshot).Where(id => !deleted.Contains(id)).ToList();

        var clips = await SettleAsync(clipIds, settleTimeout);
        var snapshots = await inventory.SnapshotsAsync(snapshotIds);
        var objects = await inventory.ObjectsAsync();
        var lost = new List<string>();
        foreach (var id in clipIds)
        {
            if (!clips.TryGetValue(id, out var row)) lost.Add($"clip {id}: accepted, no row");
            else if (row.Status is not ("ready" or "failed")) lost.Add($"clip {id}: still {row.Status} after {settleTimeout.TotalSeconds:0} s");
            else if (row.Status == "ready" && (!objects.ContainsKey(row.VideoKey ?? "") || !objects.ContainsKey(row.PreviewKey ?? ""))) lost.Add($"clip {id}: ready, media missing");
            // Marked failed by the media audit (which the workers run): it was ready, and its media went.
            else if (row.Status == "failed" && row.Error == ClipRules.MediaMissing(stack.MediaStoreDescription)) lost.Add($"clip {id}: its media went (the audit marked it failed)");
        }
        foreach (var id in snapshotIds)
        {
            if (!snapshots.TryGetValue(id, out var row)) lost.Add($"snapshot {id}: created, no row");
            else if (!objects.ContainsKey(row.ImageKey) || !objects.ContainsKey(row.ThumbnailKey)) lost.Add($"snapshot {id}: media missing");
        }
        lost.AddRange(outcome.Lost);

        var before = await inventory.OrphansAsync();
        var after = before.Count == 0 ? before : await SweepAsync(before);
        // Any row of the whole store, not only this fault's: a snapshot whose create was answered 503 may be stored after all.
        foreach (var row in await inventory.RowsMissingMediaAsync(await inventory.ObjectsAsync()))
            if (!lost.Any(l => l.StartsWith(row.Split(':')[0], StringComparison.Ordinal))) lost.Add(row);

        var accepted = attempts.Where(a => a.Succeeded && a.Kind != AttemptKind.Delete);
        var backlogDone = clips.Values.Where(c => clipIds.Contains(c.Id) && c.Status is "ready" or "failed")
            .Where(c => attempts.First(a => a.Id == c.Id).At < outcome.End).Select(c => c.UpdatedAt).DefaultIfEmpty(outcome.End).Max();
        DateTime? FirstSuccessAfterEnd(AttemptKind kind) => attempts.Where(a => a.Kind == kind && a.Succeeded && a.At >= outcome.End).Select(a => (DateTime?)a.At).Min();
        var recoveredAt = new[] { FirstSuccessAfterEnd(AttemptKind.Clip), FirstSuccessAfterEnd(AttemptKind.Snapshot), backlogDone, outcome.OwnRecoveryAt ?? outcome.End };
        var stillStuck = lost.Any(l => l.Contains("still", StringComparison.Ordinal));

        return new FaultRow
        {
            Fault = fault,
            Requests = attempts.Count,
            Ready = clips.Values.Count(c => c.Status == "ready" && clipIds.Contains(c.Id)) + snapshots.Count + outcome.Completed,
            ClipsReady = clips.Values.Count(c => c.Status == "ready" && clipIds.Contains(c.Id)),
            Failed = clips.Values.Count(c => c.Status == "failed" && clipIds.Contains(c.Id)),
            FailedReasons = clips.Values.Where(c => c.Status == "failed" && clipIds.Contains(c.Id))
                .GroupBy(c => Shorten(c.Error ?? "(no reason)")).ToDictionary(g => g.Key, g => g.Count()),
            Lost = lost.Count,
            LostDetails = lost,
            CutTwice = CutTwice(s3LogFrom),
            OrphansBeforeSweep = before.Count,
            OrphansAfterSweep = after.Count,
            ServerErrors = attempts.Count(a => a.Status >= 500 && a.Status != 503),
            Unavailable = attempts.Count(a => a.Status == 503),
            Unanswered = attempts.Count(a => a.Status == 0),
            UnansweredExpected = outcome.UnansweredExpected,
            Recovery = recoveredAt.Any(r => r is null) || stillStuck || outcome.OwnRecoveryFailed ? null : recoveredAt.Max()!.Value - outcome.End,
            Notes = [.. outcome.Notes, .. Refusals(attempts)],
            Problems = [.. outcome.Problems, .. outcome.ExpectsUnavailable && !attempts.Any(a => a.Status == 503) ? ["no request met the outage (none was answered 503)"] : Array.Empty<string>()],
        };
    }

    private static IEnumerable<Guid> Made(IReadOnlyList<Attempt> attempts, AttemptKind kind) =>
        attempts.Where(a => a.Kind == kind && a.Succeeded).Select(a => a.Id!.Value);

    /// <summary>Polls the rows until every clip is ready or failed, or the time is up.</summary>
    private async Task<Dictionary<Guid, Inventory.ClipRow>> SettleAsync(List<Guid> ids, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var rows = await inventory.ClipsAsync(ids);
            if (rows.Values.All(r => r.Status is "ready" or "failed") || DateTime.UtcNow > deadline) return rows;
            await Task.Delay(1000);
        }
    }

    /// <summary>Once the grace period has passed for every orphan, asks the app's media audit to repair, and counts again.</summary>
    private async Task<List<KeyValuePair<string, DateTime>>> SweepAsync(List<KeyValuePair<string, DateTime>> orphans)
    {
        var wait = orphans.Max(o => o.Value) + stack.Options.OrphanGrace + TimeSpan.FromSeconds(1) - DateTime.UtcNow;
        if (wait > TimeSpan.Zero) await Task.Delay(wait);
        using var response = await client.PostAsync("/api/admin/media-audit", null);
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"The media audit answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await inventory.OrphansAsync();
    }

    /// <summary>Clips whose video the S3 server stored more than once since <paramref name="from"/> (a line of its log).</summary>
    private int CutTwice(long from) => S3RequestLog.CompletedUploads(File.ReadLines(stack.S3Log).Skip((int)from)).Count(clip => clip.Value > 1);

    public long S3LogLines() => File.Exists(stack.S3Log) ? File.ReadLines(stack.S3Log).LongCount() : 0;

    private static IEnumerable<string> Refusals(IReadOnlyList<Attempt> attempts) =>
        attempts.Where(a => !a.Succeeded).GroupBy(a => $"{a.Kind.ToString().ToLowerInvariant()} {(a.Status == 0 ? "unanswered" : a.Status.ToString(System.Globalization.CultureInfo.InvariantCulture))}: {Shorten(a.Detail ?? "")}")
            .OrderByDescending(g => g.Count()).Select(g => $"{g.Count()} × {g.Key}");

    /// <summary>A reason as a person reads it, the same for every item it hit: ids left out, long ones cut.</summary>
    private static string Shorten(string text)
    {
        text = Times().Replace(Ids().Replace(text, "…"), "…");
        return text.Length > 140 ? text[..137] + "…" : text;
    }

    [GeneratedRegex(@"[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}")]
    private static partial Regex Ids();

    [GeneratedRegex(@"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z")]
    private static partial Regex Times();
}
