using DogMonitor.Domain.Accounts;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace DogMonitor.Web.Accounts;

/// <summary>
/// What the account pages' script fetches before it asks the browser for a passkey: the options to make one (signed
/// in with a session, not a key) and the options to sign in with one (anonymous, rate limited like every sign-in
/// route). Both are POSTs that carry the page's antiforgery token in a header, so another site cannot start a ceremony
/// in someone's browser. Identity keeps the challenge in a short-lived cookie until the page posts the browser's answer
/// with its form.
/// </summary>
public static class PasskeyOptionsEndpoints
{
    public static IEndpointRouteBuilder MapPasskeyOptions(this IEndpointRouteBuilder app)
    {
        var passkeys = app.MapGroup("/passkeys").ExcludeFromDescription();
        passkeys.MapPost("/creation-options", CreationOptions).RequireAuthorization(AccountPolicies.Session);
        passkeys.MapPost("/request-options", RequestOptions).AllowAnonymous().RequireRateLimiting(SignInRateLimit.PolicyName);
        return app;
    }

    internal static async Task<Results<ContentHttpResult, ProblemHttpResult>> CreationOptions(
        HttpContext context, IAntiforgery antiforgery, UserManager<AppUser> users, SignInManager<AppUser> signIn)
    {
        if (!await antiforgery.IsRequestValidAsync(context)) return Forged();
        if (await users.GetUserAsync(context.User) is not { } user)
            return TypedResults.Problem("The signed-in account no longer exists.", statusCode: StatusCodes.Status401Unauthorized);
        var name = user.Email ?? user.Id;
        return Json(await signIn.MakePasskeyCreationOptionsAsync(new PasskeyUserEntity { Id = user.Id, Name = name, DisplayName = name }));
    }

    internal static async Task<Results<ContentHttpResult, ProblemHttpResult>> RequestOptions(
        HttpContext context, IAntiforgery antiforgery, SignInManager<AppUser> signIn)
    {
        if (!await antiforgery.IsRequestValidAsync(context)) return Forged();
        // No user named: the browser offers the passkeys it holds for this site, so the answer never tells whether an
        // email has an account (or passkeys).
        return Json(await signIn.MakePasskeyRequestOptionsAsync(null));
    }

    private static ContentHttpResult Json(string json) => TypedResults.Content(json, "application/json");

    private static ProblemHttpResult Forged() => TypedResults.Problem(
        "Passkey options are given only to this app's own pages: reload the page and try again.",
        statusCode: StatusCodes.Status400BadRequest, title: "Missing or stale page token.");
}
