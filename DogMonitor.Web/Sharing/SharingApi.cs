using DogMonitor.Domain.Sharing;
using DogMonitor.Web.Clips;
using DogMonitor.Web.Problems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DogMonitor.Web.Sharing;

/// <summary>The owner's side of sharing: make and revoke public links to clips and snapshots, the same way for both.</summary>
public static class SharingApi
{
    public static IEndpointRouteBuilder MapSharingApi(this IEndpointRouteBuilder app)
    {
        MapLinks(app, SharedKind.Clip);
        MapLinks(app, SharedKind.Snapshot);
        return app.MapSharedItems();
    }

    private static void MapLinks(IEndpointRouteBuilder app, SharedKind kind)
    {
        var noun = Noun(kind);
        var api = app.MapGroup($"/api/{noun}s/{{id}}/share").WithTags("Sharing");
        api.MapPost("/", (string id, HttpContext context, ShareService shares, CancellationToken cancellationToken) =>
                CreateLink(kind, id, context, shares, cancellationToken))
            .WithSummary($"Make a public link to the {noun}")
            .Accepts<ShareRequest>("application/json")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapDelete("/", (string id, ShareService shares, CancellationToken cancellationToken) => RevokeLinks(kind, id, shares, cancellationToken))
            .WithSummary($"Revoke every link to the {noun}")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    internal static async Task<Results<Created<ShareResponse>, ProblemHttpResult>> CreateLink(
        SharedKind kind, string id, HttpContext context, ShareService shares, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(id, out var itemId)) return IdProblems.Malformed(Noun(kind), id);
        // The design note's example posts no body at all: that means the defaults.
        var hasBody = context.Request.ContentLength > 0 || context.Request.HasJsonContentType();
        var request = hasBody ? await JsonBody.ReadAsync<ShareRequest>(context, 4096, cancellationToken) : new ShareRequest();
        var link = await shares.CreateAsync(kind, itemId, request.ExpiresInHours, cancellationToken);
        if (link is not { } created) return IdProblems.NotFound(Noun(kind), itemId);
        var http = context.Request;
        var url = $"{http.Scheme}://{http.Host}{http.PathBase}/s/{created.Token}";
        return TypedResults.Created(url, new ShareResponse(url, created.ExpiresAt));
    }

    internal static async Task<Results<NoContent, ProblemHttpResult>> RevokeLinks(
        SharedKind kind, string id, ShareService shares, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(id, out var itemId)) return IdProblems.Malformed(Noun(kind), id);
        return await shares.RevokeAsync(kind, itemId, cancellationToken) ? TypedResults.NoContent() : IdProblems.NotFound(Noun(kind), itemId);
    }

    /// <summary>The word in paths and problem texts: "clip", "snapshot".</summary>
    private static string Noun(SharedKind kind) => kind == SharedKind.Clip ? "clip" : "snapshot";
}
