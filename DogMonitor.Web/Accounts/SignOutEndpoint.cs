using DogMonitor.Domain.Accounts;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace DogMonitor.Web.Accounts;

/// <summary><c>POST /signout</c>: the menu's sign-out form (antiforgery checked), back to the sign-in page.</summary>
public static class SignOutEndpoint
{
    public static IEndpointRouteBuilder MapSignOut(this IEndpointRouteBuilder app)
    {
        app.MapPost("/signout", SignOutAsync).ExcludeFromDescription();
        return app;
    }

    internal static async Task<Results<RedirectHttpResult, ProblemHttpResult>> SignOutAsync(HttpContext context, IAntiforgery antiforgery, SignInManager<AppUser> signIn)
    {
        // A form with no fields binds nothing, so nothing would check its token: another site must not sign people out.
        if (!await antiforgery.IsRequestValidAsync(context))
            return TypedResults.Problem("The sign-out form was not sent by this app's own page; use the Sign out button.", statusCode: StatusCodes.Status400BadRequest);
        await signIn.SignOutAsync();
        return TypedResults.LocalRedirect("~/signin");
    }
}
