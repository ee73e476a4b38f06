using DogMonitor.Domain.Accounts;
using DogMonitor.Web.Problems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DogMonitor.Web.Accounts;

/// <summary>The signed-in user's API keys: make one (its secret shown once), list them, revoke one.</summary>
public static class ApiKeysApi
{
    private const long MaxBodyBytes = 16 * 1024;

    public static IEndpointRouteBuilder MapApiKeysApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/keys").WithTags("Accounts");
        api.MapPost("/", CreateKey)
            .WithSummary("Make an API key; the answer holds its secret, shown this once")
            .Accepts<ApiKeyRequest>("application/json")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);
        api.MapGet("/", ListKeys).WithSummary("The caller's API keys, without their secrets");
        api.MapDelete("/{id}", DeleteKey).WithSummary("Revoke an API key at once");
        return app;
    }

    internal static async Task<Results<Created<NewApiKeyResponse>, ProblemHttpResult>> CreateKey(HttpContext context, ApiKeyService keys, CancellationToken cancellationToken)
    {
        // A leaked key must not be able to mint keys that outlive its revocation.
        if (ApiKeyAuthenticationHandler.IsKey(context.User))
            return TypedResults.Problem("Keys are made by a signed-in person (Settings → API keys, or POST /api/auth/login first), not by another key.",
                statusCode: StatusCodes.Status403Forbidden, title: "Not allowed.");
        var request = await JsonBody.ReadAsync<ApiKeyRequest>(context, MaxBodyBytes, cancellationToken);
        var (key, secret) = await keys.CreateAsync(request.Name, request.Scope, request.ExpiresInDays, cancellationToken);
        return TypedResults.Created($"/api/keys/{key.Id}", NewApiKeyResponse.From(key, secret));
    }

    internal static async Task<Ok<ApiKeyListResponse>> ListKeys(ApiKeyService keys, CancellationToken cancellationToken) =>
        TypedResults.Ok(new ApiKeyListResponse([.. (await keys.ListAsync(cancellationToken)).Select(ApiKeyResponse.From)]));

    internal static async Task<Results<NoContent, ProblemHttpResult>> DeleteKey(string id, ApiKeyService keys, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(id, out var keyId)) return IdProblems.Malformed("key", id);
        return await keys.DeleteAsync(keyId, cancellationToken) ? TypedResults.NoContent() : IdProblems.NotFound("key", keyId);
    }
}
