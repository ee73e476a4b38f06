namespace DogMonitor.Tests.Infrastructure;

public static class DictionaryExtensions
{
    /// <summary>A copy of a request body with one field replaced (or removed, when <paramref name="value"/> is null).</summary>
    public static Dictionary<string, object?> With(this Dictionary<string, object?> body, string field, object? value)
    {
        var copy = new Dictionary<string, object?>(body);
        if (value is null) copy.Remove(field); else copy[field] = value;
        return copy;
    }
}
