using DogMonitor.Domain.Accounts;
using Microsoft.AspNetCore.Mvc;

namespace DogMonitor.Web.Accounts;

/// <summary>The 401 and 403 answers of the API, as problem details a script can act on (never a redirect to a page).</summary>
public static class AuthProblems
{
    /// <summary>Whether a request comes from a script or a player rather than a person's browser tab, so it gets a status, not a page.</summary>
    public static bool IsApiRequest(HttpRequest request)
    {
        var path = request.Path;
        if (path.StartsWithSegments("/api/docs")) return false;
        if (path.StartsWithSegments("/api") || path.StartsWithSegments("/openapi") || path.StartsWithSegments("/_blazor")) return true;
        return !request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase);
    }

    public static async Task WriteAsync(HttpContext context, int status)
    {
        context.Response.StatusCode = status;
        if (status == StatusCodes.Status401Unauthorized)
            context.Response.Headers.WWWAuthenticate = "Bearer realm=\"DogMonitor\"";
        var problem = status == StatusCodes.Status401Unauthorized
            ? new ProblemDetails
            {
                Status = status, Title = "Sign-in required.",
                Detail = "Send an API key as 'Authorization: Bearer <key>' or 'X-Api-Key: <key>' (make one under Settings → API keys), or sign in with POST /api/auth/login.",
            }
            : new ProblemDetails
            {
                Status = status, Title = "Not allowed.",
                Detail = AccountClaims.IsReadOnly(context.User)
                    ? "This API key may only read (scope read); use a key with scope write to change anything."
                    : "This account may not do this; it needs an admin.",
            };
        await context.RequestServices.GetRequiredService<IProblemDetailsService>()
            .WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem });
    }
}
