namespace DogMonitor.Web.Accounts;

/// <summary>Who the caller is: the account, its role and cameras, and how it signed in (<c>session</c> or <c>key</c>).</summary>
public sealed record MeResponse(string Id, string Email, string Role, IReadOnlyCollection<string> Cameras, string Via, string? Scope);
