using System.Security.Claims;
using DogMonitor.Domain.Accounts;
using DogMonitor.Web.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace DogMonitor.Web.Accounts;

/// <summary>Sign-in for scripts that prefer a session cookie to a key: <c>/api/auth/login</c>, <c>/logout</c>, <c>/me</c>.</summary>
public static class AuthApi
{
    private const long MaxBodyBytes = 16 * 1024;

    public static IEndpointRouteBuilder MapAuthApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/auth").WithTags("Accounts");
        api.MapPost("/login", Login)
            .WithSummary("Sign in with email and password; sets the session cookie")
            .Accepts<LoginRequest>("application/json")
            .AllowAnonymous()
            .RequireRateLimiting(SignInRateLimit.PolicyName)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        api.MapPost("/logout", Logout).WithSummary("End the session");
        api.MapGet("/me", Me).WithSummary("The signed-in account");
        return app;
    }

    internal static async Task<Results<NoContent, ProblemHttpResult>> Login(HttpContext context, SignInManager<AppUser> signIn, CancellationToken cancellationToken)
    {
        var request = await JsonBody.ReadAsync<LoginRequest>(context, MaxBodyBytes, cancellationToken);
        var outcome = await SignInAttempt.PasswordAsync(signIn, request.Email, request.Password);
        return outcome is null ? TypedResults.NoContent()
            : TypedResults.Problem(outcome, statusCode: StatusCodes.Status401Unauthorized, title: "Sign-in failed.");
    }

    internal static async Task<NoContent> Logout(SignInManager<AppUser> signIn)
    {
        await signIn.SignOutAsync();
        return TypedResults.NoContent();
    }

    internal static Ok<MeResponse> Me(ClaimsPrincipal user) => TypedResults.Ok(new MeResponse(
        AccountClaims.UserId(user)!,
        user.Identity?.Name ?? "",
        AccountClaims.IsAdmin(user) ? "admin" : "member",
        AccountClaims.Cameras(user),
        user.Identity?.AuthenticationType == ApiKeyAuthenticationHandler.SchemeName ? "key" : "session",
        user.FindFirstValue(AccountClaims.Scope)?.ToLowerInvariant()));
}
