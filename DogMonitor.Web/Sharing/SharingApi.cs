using DogMonitor.Domain.Sharing;
using DogMonitor.Domain.Storage;
using DogMonitor.Web.Downloads;
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
        // The page itself, /s/{token}, is the Share component; these are what it (and link previews) load.
        shared.MapGet("/video", OpenVideo).WithSummary("The shared clip's video (redirects to a short-lived media URL)");
        shared.MapGet("/preview", OpenPreview)
            .WithSummary("The shared clip's preview image (redirects to a short-lived media URL); a stable address for link previews")
            .ProducesProblem(StatusCodes.Status410Gone);
        shared.MapGet("/download", DownloadShared)
            .WithSummary("The shared clip's video as an mp4 file to save")
            .Produces<Stream>(StatusCodes.Status200OK, "video/mp4")
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status410Gone);
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
        NotStored(context);
        var shared = await shares.OpenAsync(token, cancellationToken);
        // Players only need to know there is nothing to play; the page says why.
        if (shared.Clip is not { } clip) return ShareProblems.NotFound;
        if (ClipProblems.NotReady(clip) is { } notReady) return notReady;
        return TypedResults.Redirect(await links.UrlOfAsync(clip.VideoKey!, cancellationToken));
    }

    internal static async Task<Results<RedirectHttpResult, ProblemHttpResult>> OpenPreview(
        string token, ShareService shares, MediaLinks links, HttpContext context, CancellationToken cancellationToken)
    {
        NotStored(context);
        var shared = await shares.OpenAsync(token, cancellationToken);
        if (shared.Clip is not { } clip) return ShareProblems.Closed(shared);
        if (clip.PreviewKey is null)
            return TypedResults.Problem("This clip has no preview image yet.", statusCode: StatusCodes.Status404NotFound, title: "No preview.");
        return TypedResults.Redirect(await links.UrlOfAsync(clip.PreviewKey, cancellationToken));
    }

    internal static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> DownloadShared(
        string token, ShareService shares, IMediaStore store, HttpContext context, CancellationToken cancellationToken)
    {
        NotStored(context);
        var shared = await shares.OpenAsync(token, cancellationToken);
        if (shared.Clip is not { } clip) return ShareProblems.Closed(shared);
        if (ClipProblems.NotReady(clip) is { } notReady) return notReady;
        return await Attachments.OpenAsync(store, clip.VideoKey!, DownloadNames.Clip(clip), context, cancellationToken);
    }

    // Whoever holds a link may lose it at any moment (revoked, expired): no cache may keep answering for it.
    private static void NotStored(HttpContext context) => context.Response.Headers.CacheControl = "no-store";
}
