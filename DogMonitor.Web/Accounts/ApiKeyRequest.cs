namespace DogMonitor.Web.Accounts;

/// <summary>The body of <c>POST /api/keys</c>.</summary>
public sealed class ApiKeyRequest
{
    /// <summary>What the key is for, e.g. "backup script".</summary>
    public string? Name { get; init; }

    /// <summary><c>read</c> (GET only) or <c>write</c>.</summary>
    public string? Scope { get; init; }

    /// <summary>Days until the key stops working, 1 to 3650; left out, it does not expire.</summary>
    public int? ExpiresInDays { get; init; }
}
