using DogMonitor.Domain.Accounts;
using Microsoft.AspNetCore.Identity;

namespace DogMonitor.Web.Accounts;

/// <summary><c>POST /signout</c>: the menu's sign-out form (antiforgery checked), back to the sign-in page.</summary>
public static class SignOutEndpoint
{
    public static IEndpointRouteBuilder MapSignOut(this IEndpointRouteBuilder app)
    {
        app.MapPost("/signout", async (SignInManager<AppUser> signIn) =>
        {
            await signIn.SignOutAsync();
            return TypedResults.LocalRedirect("~/signin");
        }).ExcludeFromDescription();
        return app;
    }
}
