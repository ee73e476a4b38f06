using DogMonitor.Domain.Validation;

namespace DogMonitor.Domain.Search;

/// <summary>
/// A search as typed: its words, in any order, each matching the start of a word of an item's labels or note
/// ("bal gar" finds "playing ball in the garden"). The words come from <see cref="SearchText.Words"/>, so they hold
/// only letters and digits: nothing a person types (quotes, <c>*</c>, <c>:</c>, <c>&amp;</c>, <c>|</c>, brackets,
/// NEAR, OR) reaches either database's query syntax as anything but a word to look for.
/// </summary>
public sealed record SearchTerms
{
    public const int MaxLength = 200;
    public const int MaxWords = 10;

    private SearchTerms(IReadOnlyList<string> words) => Words = words;

    public IReadOnlyList<string> Words { get; }

    /// <summary>
    /// The terms of <paramref name="text"/>; null when it is absent or blank (no search). Adds an error to
    /// <paramref name="errors"/> under <c>q</c> when it is too long or has no word to look for.
    /// </summary>
    public static SearchTerms? Parse(string? text, ValidationErrors errors)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (text.Length > MaxLength)
        {
            errors.Add("q", $"The search is {text.Length} characters long; at most {MaxLength} are allowed.");
            return null;
        }
        var words = SearchText.Words(text).Distinct(StringComparer.Ordinal).ToList();
        if (words.Count == 0)
            errors.Add("q", "The search has no letters or digits to look for; type a word from a note or a label.");
        else if (words.Count > MaxWords)
            errors.Add("q", $"The search has {words.Count} words; at most {MaxWords} are looked for together.");
        else
            return new SearchTerms(words);
        return null;
    }

    /// <summary>Parses text that was checked already (the gallery's box): null when it has nothing to search.</summary>
    public static SearchTerms? TryParse(string? text)
    {
        var errors = new ValidationErrors();
        var terms = Parse(text, errors);
        return errors.IsEmpty ? terms : null;
    }

    /// <summary>PostgreSQL <c>to_tsquery</c> text: every word as a quoted prefix lexeme, all required.</summary>
    public string ToPostgresQuery() => string.Join(" & ", Words.Select(word => $"'{word}':*"));

    /// <summary>SQLite FTS5 <c>MATCH</c> text: every word as a quoted prefix string, all required.</summary>
    public string ToSqliteMatch() => string.Join(" ", Words.Select(word => $"\"{word}\"*"));

    /// <summary>The words joined by spaces, as the box shows them.</summary>
    public override string ToString() => string.Join(' ', Words);

    public bool Equals(SearchTerms? other) => other is not null && Words.SequenceEqual(other.Words);

    public override int GetHashCode() => Words.Aggregate(0, (hash, word) => HashCode.Combine(hash, word));
}
