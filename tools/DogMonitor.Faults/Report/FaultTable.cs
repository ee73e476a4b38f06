using System.Globalization;
using System.Text;

namespace DogMonitor.Faults.Report;

/// <summary>The fault suite's table, then under it each fault's reasons and notes.</summary>
public static class FaultTable
{
    private static readonly string[] Headings = ["fault", "requests", "ready", "failed", "lost", "cut twice", "orphans (before → after sweep)", "5xx (503 · no answer)", "recovered in"];

    public static string Render(IReadOnlyList<FaultRow> rows)
    {
        var cells = rows.Select(r => new[]
        {
            r.Fault, N(r.Requests), N(r.Ready), N(r.Failed), N(r.Lost), N(r.CutTwice), $"{r.OrphansBeforeSweep} → {r.OrphansAfterSweep}",
            $"{r.ServerErrors} ({r.Unavailable} · {r.Unanswered})", r.Recovery is { } t ? $"{t.TotalSeconds:0.0} s" : "not",
        }).ToList();
        var widths = Headings.Select((h, i) => Math.Max(h.Length, cells.Select(c => c[i].Length).DefaultIfEmpty(0).Max())).ToArray();
        var text = new StringBuilder();
        void Line(IReadOnlyList<string> values) =>
            text.AppendLine("| " + string.Join(" | ", values.Select((v, i) => i == 0 ? v.PadRight(widths[i]) : v.PadLeft(widths[i]))) + " |");
        Line(Headings);
        text.AppendLine("|" + string.Join("|", widths.Select((w, i) => i == 0 ? new string('-', w + 2) : new string('-', w + 1) + ":")) + "|");
        foreach (var row in cells) Line(row);
        text.AppendLine();
        foreach (var row in rows)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"{row.Fault}:");
            foreach (var (reason, count) in row.FailedReasons.OrderByDescending(r => r.Value)) text.AppendLine(CultureInfo.InvariantCulture, $"  failed {count} × {reason}");
            foreach (var note in row.Notes) text.AppendLine(CultureInfo.InvariantCulture, $"  {note}");
            foreach (var broken in row.Broken()) text.AppendLine(CultureInfo.InvariantCulture, $"  BROKEN: {broken}");
        }
        return text.ToString();
    }

    private static string N(int value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
