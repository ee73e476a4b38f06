using System.Security.Claims;
using System.Text.Encodings.Web;
using DogMonitor.Domain.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace DogMonitor.Web.Accounts;

/// <summary>
/// Signs a request in with an API key sent as <c>Authorization: Bearer &lt;key&gt;</c> or <c>X-Api-Key: &lt;key&gt;</c>.
/// The principal carries the same claims a session would, plus the key's scope.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ApiKeyAuthenticator keys)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string HeaderName = "X-Api-Key";

    /// <summary>Keys are for the API and its document; pages and the Blazor circuit only know sessions.</summary>
    public static bool AcceptsKey(HttpRequest request) =>
        (request.Path.StartsWithSegments("/api") && !request.Path.StartsWithSegments("/api/docs")) || request.Path.StartsWithSegments("/openapi");

    /// <summary>Whether the caller signed in with a key rather than a session.</summary>
    public static bool IsKey(System.Security.Claims.ClaimsPrincipal user) => user.Identity?.AuthenticationType == SchemeName;

    /// <summary>The key a request carries, if it carries one at all.</summary>
    public static string? KeyOf(HttpRequest request)
    {
        if (request.Headers[HeaderName] is [{ Length: > 0 } key]) return key.Trim();
        var authorization = request.Headers.Authorization.ToString();
        return authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? authorization[7..].Trim() : null;
    }

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (KeyOf(Request) is not { } secret) return AuthenticateResult.NoResult();
        if (await keys.AuthenticateAsync(secret, Context.RequestAborted) is not var (key, user))
            return AuthenticateResult.Fail("The API key is not valid: it is unknown, expired or revoked, or its account is disabled.");
        var identity = new ClaimsIdentity(SchemeName, ClaimTypes.Name, ClaimTypes.Role);
        identity.AddClaim(new Claim(ClaimTypes.NameIdentifier, user.Id));
        identity.AddClaim(new Claim(ClaimTypes.Name, user.UserName ?? user.Id));
        identity.AddClaims(AccountClaims.Of(user));
        identity.AddClaim(new Claim(AccountClaims.Scope, key.Scope.ToString()));
        identity.AddClaim(new Claim(AccountClaims.KeyId, key.Id.ToString()));
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) =>
        AuthProblems.WriteAsync(Context, StatusCodes.Status401Unauthorized);

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        AuthProblems.WriteAsync(Context, StatusCodes.Status403Forbidden);
}
