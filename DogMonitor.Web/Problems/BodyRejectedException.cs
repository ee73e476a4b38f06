namespace DogMonitor.Web.Problems;

/// <summary>A request body refused before it reached the domain (wrong type, too large, not JSON).</summary>
public sealed class BodyRejectedException(int statusCode, string message) : Exception(message)
{
    public int StatusCode { get; } = statusCode;
}
