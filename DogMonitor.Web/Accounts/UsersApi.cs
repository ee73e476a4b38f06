using DogMonitor.Domain.Accounts;
using DogMonitor.Web.Problems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DogMonitor.Web.Accounts;

/// <summary>Accounts, for admins: create, list, change (role, cameras, disabled, password) and delete.</summary>
public static class UsersApi
{
    private const long MaxBodyBytes = 16 * 1024;

    public static IEndpointRouteBuilder MapUsersApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/users").WithTags("Accounts").RequireAuthorization(AccountPolicies.Admin);
        api.MapPost("/", CreateUser)
            .WithSummary("Create an account (admins only)")
            .Accepts<UserRequest>("application/json")
            .ProducesValidationProblem();
        api.MapGet("/", ListUsers).WithSummary("Every account (admins only)");
        api.MapPatch("/{id}", UpdateUser)
            .WithSummary("Change an account's role, cameras, password or disabled state (admins only)")
            .Accepts<UserRequest>("application/json")
            .ProducesValidationProblem();
        api.MapDelete("/{id}", DeleteUser).WithSummary("Delete an account and everything it owns (admins only)");
        return app;
    }

    internal static async Task<Created<UserResponse>> CreateUser(HttpContext context, UserAdminService users, TimeProvider clock, CancellationToken cancellationToken)
    {
        var request = await JsonBody.ReadAsync<UserRequest>(context, MaxBodyBytes, cancellationToken);
        var user = await users.CreateAsync(request.ToNewUser(), cancellationToken);
        return TypedResults.Created($"/api/users/{user.Id}", UserResponse.From(user, clock.GetUtcNow()));
    }

    internal static async Task<Ok<UserListResponse>> ListUsers(UserAdminService users, TimeProvider clock, CancellationToken cancellationToken) =>
        TypedResults.Ok(new UserListResponse([.. (await users.ListAsync(cancellationToken)).Select(u => UserResponse.From(u, clock.GetUtcNow()))]));

    internal static async Task<Results<Ok<UserResponse>, ProblemHttpResult>> UpdateUser(
        string id, HttpContext context, UserAdminService users, TimeProvider clock, CancellationToken cancellationToken)
    {
        var request = await JsonBody.ReadAsync<UserRequest>(context, MaxBodyBytes, cancellationToken);
        var user = await users.UpdateAsync(id, request.ToChange(), cancellationToken);
        return user is null ? NoUser(id) : TypedResults.Ok(UserResponse.From(user, clock.GetUtcNow()));
    }

    internal static async Task<Results<NoContent, ProblemHttpResult>> DeleteUser(string id, UserAdminService users, CancellationToken cancellationToken) =>
        await users.DeleteAsync(id, cancellationToken) ? TypedResults.NoContent() : NoUser(id);

    private static ProblemHttpResult NoUser(string id) =>
        TypedResults.Problem($"There is no user '{(id.Length > 40 ? id[..40] + "…" : id)}'.", statusCode: StatusCodes.Status404NotFound, title: "User not found.");
}
