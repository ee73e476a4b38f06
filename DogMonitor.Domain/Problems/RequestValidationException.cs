using DogMonitor.Domain.Validation;

namespace DogMonitor.Domain.Problems;

/// <summary>A request that breaks one or more rules; nothing was stored.</summary>
public sealed class RequestValidationException(ValidationErrors errors)
    : Exception("The request breaks one or more rules.")
{
    public IDictionary<string, string[]> Errors { get; } = errors.ToDictionary();
}
