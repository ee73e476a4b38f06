using DogMonitor.Domain.Clips;
using DogMonitor.Domain.Sharing;
using DogMonitor.Web.Clips;
using DogMonitor.Web.Media;
using DogMonitor.Web.Problems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DogMonitor.Web.Sharing;

public static class SharingApi
{
    public static IEndpointRouteBuilder MapSharingApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/clips/{id}/share").WithTags("Sharing");
        api.MapPost("/", CreateLink)
            .WithSummary("Make a public link to the clip")
            .Accepts<ShareRequest>("application/json")
            .ProducesValidationProblem();
        api.MapDelete("/", RevokeLinks).WithSummary("Revoke every link to the clip");

        var shared = app.MapGroup("/s/{token}").WithTags("Sharing");
        shared.MapGet("/video", OpenVideo).WithSummary("The shared clip's video (redirects to a short-lived media URL)");
        // The share page arrives with the user interface; until then the link opens the video itself.
        shared.MapGet("/", (string token) => TypedResults.Redirect($"/s/{Uri.EscapeDataString(token)}/video")).ExcludeFromDescription();
        return app;
    }

    internal static async Task<Results<Created<ShareResponse>, ProblemHttpResult>> CreateLink(
        string id, HttpContext context, ShareService shares, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(id, out var clipId)) return IdProblems.Malformed("clip", id);
        // The design note's example posts no body at all: that means the defaults.
        var hasBody = context.Request.ContentLength > 0 || context.Request.HasJsonContentType();
        var request = hasBody ? await JsonBody.ReadAsync<ShareRequest>(context, 4096, cancellationToken) : new ShareRequest();
        var link = await shares.CreateAsync(clipId, request.ExpiresInHours, cancellationToken);
        if (link is not { } created) return IdProblems.NotFound("clip", clipId);
        var http = context.Request;
        var url = $"{http.Scheme}://{http.Host}{http.PathBase}/s/{created.Token}";
        return TypedResults.Created(url, new ShareResponse(url, created.ExpiresAt));
    }

    internal static async Task<Results<NoContent, ProblemHttpResult>> RevokeLinks(string id, ShareService shares, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(id, out var clipId)) return IdProblems.Malformed("clip", id);
        return await shares.RevokeAsync(clipId, cancellationToken) ? TypedResults.NoContent() : IdProblems.NotFound("clip", clipId);
    }

    internal static async Task<Results<RedirectHttpResult, ProblemHttpResult>> OpenVideo(
        string token, ShareService shares, MediaLinks links, HttpContext context, CancellationToken cancellationToken)
    {
        var clip = await shares.OpenAsync(token, cancellationToken);
        if (clip is null)
            return TypedResults.Problem("This link does not exist, has expired or was revoked.", statusCode: StatusCodes.Status404NotFound, title: "Link not found.");
        if (clip.Status != ClipStatus.Ready || clip.VideoKey is null)
            return TypedResults.Problem(clip.Status == ClipStatus.Failed ? "This clip could not be made." : "This clip is still being cut; try again in a few seconds.",
                statusCode: StatusCodes.Status409Conflict, title: "The clip is not ready.");
        context.Response.Headers.CacheControl = "no-store";
        return TypedResults.Redirect(await links.UrlOfAsync(clip.VideoKey, cancellationToken));
    }
}
