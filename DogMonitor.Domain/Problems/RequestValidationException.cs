using DogMonitor.Domain.Validation;

namespace DogMonitor.Domain.Problems;

/// <summary>A request that breaks one or more rules; nothing was stored.</summary>
public sealed class RequestValidationException(ValidationErrors errors)
    : Exception("The request breaks one or more rules.")
{
    public IDictionary<string, string[]> Errors { get; } = errors.ToDictionary();

    /// <summary>Every broken rule's sentence, in order: what a page or a problem's detail shows.</summary>
    public IReadOnlyList<string> Messages => [.. Errors.Values.SelectMany(messages => messages)];

    /// <summary>The sentences joined into one text.</summary>
    public string Summary => string.Join(" ", Messages);
}
