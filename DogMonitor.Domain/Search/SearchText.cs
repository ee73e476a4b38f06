using System.Globalization;
using System.Text;
using DogMonitor.Domain.Paging;

namespace DogMonitor.Domain.Search;

/// <summary>
/// What search reads of a snapshot or a clip, defined once for both databases: the words of its labels and its note,
/// folded the same way as the words of a query. The database indexes (PostgreSQL's tsvector, SQLite's FTS5 table)
/// only ever see this text, whose words are runs of letters and digits separated by single spaces, so both split it
/// alike and neither has a word of its own to add (a hyphen, an e-mail address or a URL means nothing special here).
/// </summary>
public static class SearchText
{
    /// <summary>The shadow property (column <c>search_text</c>) that holds the text on both tables.</summary>
    public const string Property = "SearchText";

    /// <summary>The searchable text of an item: its labels, then its note.</summary>
    public static string Of(IEnumerable<string> labels, string? note) =>
        string.Join(' ', labels.SelectMany(Words).Concat(Words(note ?? "")));

    /// <summary>
    /// Splits text into words: runs of letters and digits, lower-cased, accents removed ("Café" and "cafe" are one
    /// word); everything else (spaces, punctuation, symbols, quotes, operators) separates words and is dropped.
    /// </summary>
    public static IEnumerable<string> Words(string text)
    {
        var word = new StringBuilder();
        foreach (var rune in text.Normalize(NormalizationForm.FormKD).EnumerateRunes())
        {
            var category = Rune.GetUnicodeCategory(rune);
            if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark)
                continue; // an accent belongs to its letter: dropped, without splitting the word
            if (Rune.IsLetterOrDigit(rune))
            {
                word.Append(Rune.ToLowerInvariant(rune).ToString());
                continue;
            }
            if (word.Length == 0) continue;
            yield return word.ToString().Normalize(NormalizationForm.FormC);
            word.Clear();
        }
        if (word.Length > 0) yield return word.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>Writes the item's searchable text into its entry, so every save keeps it in step with labels and note.</summary>
    internal static void Stamp(Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry<IListedItem> entry)
    {
        var text = Of(entry.Entity.Labels, entry.Entity.Note);
        var property = entry.Property<string?>(Property);
        if (!string.Equals(property.CurrentValue, text, StringComparison.Ordinal)) property.CurrentValue = text;
    }
}
