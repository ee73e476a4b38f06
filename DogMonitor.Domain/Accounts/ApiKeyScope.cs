namespace DogMonitor.Domain.Accounts;

/// <summary>What a key may do: <c>Read</c> only reads (GET and HEAD), <c>Write</c> does whatever its owner may.</summary>
public enum ApiKeyScope
{
    Read,
    Write,
}
