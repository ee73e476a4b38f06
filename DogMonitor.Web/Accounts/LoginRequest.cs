namespace DogMonitor.Web.Accounts;

/// <summary>The body of <c>POST /api/auth/login</c>.</summary>
public sealed class LoginRequest
{
    public string? Email { get; init; }
    public string? Password { get; init; }
}
