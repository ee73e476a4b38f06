using DogMonitor.Domain.Sharing;
using DogMonitor.Domain.Storage;
using DogMonitor.Web.Downloads;
using DogMonitor.Web.Media;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DogMonitor.Web.Sharing;

/// <summary>What anyone holding a link loads besides the page itself: the clip's video, the preview or image, the file.</summary>
internal static class SharedItemsApi
{
    private static readonly string[] MediaTypes = ["video/mp4", "image/jpeg", "image/png", "image/webp"];

    public static IEndpointRouteBuilder MapSharedItems(this IEndpointRouteBuilder app)
    {
        // Public: the link is the credential.
        var shared = app.MapGroup("/s/{token}").WithTags("Sharing").AllowAnonymous();
        // The page itself, /s/{token}, is the Share component; these are what it (and link previews) load.
        shared.MapGet("/video", OpenVideo).WithSummary("The shared clip's video (redirects to a short-lived media URL); 404 for a snapshot link");
        shared.MapGet("/preview", OpenPreview)
            .WithSummary("The shared clip's preview image or the shared snapshot's image (redirects to a short-lived media URL); a stable address for link previews")
            .ProducesProblem(StatusCodes.Status410Gone);
        shared.MapGet("/download", DownloadShared)
            .WithSummary("The shared clip's video as an mp4 file, or the shared snapshot's image, to save")
            .Produces<Stream>(StatusCodes.Status200OK, MediaTypes[0], MediaTypes[1..])
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status410Gone);
        return app;
    }

    internal static async Task<Results<RedirectHttpResult, ProblemHttpResult>> OpenVideo(
        string token, ShareService shares, MediaLinks links, HttpContext context, CancellationToken cancellationToken)
    {
        NotStored(context);
        var shared = await shares.OpenAsync(token, cancellationToken);
        // Players only need to know there is nothing to play (a closed link, or a snapshot's); the page says why.
        if (shared.Clip is not { } clip) return ShareProblems.NotFound;
        if (ClipProblems.NotReady(clip) is { } notReady) return notReady;
        return TypedResults.Redirect(await links.UrlOfAsync(clip.VideoKey!, cancellationToken));
    }

    internal static async Task<Results<RedirectHttpResult, ProblemHttpResult>> OpenPreview(
        string token, ShareService shares, MediaLinks links, HttpContext context, CancellationToken cancellationToken)
    {
        NotStored(context);
        var shared = await shares.OpenAsync(token, cancellationToken);
        // A snapshot is its own preview: chat cards show the whole image.
        if (shared.Snapshot is { } snapshot) return TypedResults.Redirect(await links.UrlOfAsync(snapshot.ImageKey, cancellationToken));
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
        if (shared.Snapshot is { } snapshot)
            return await Attachments.OpenAsync(store, snapshot.ImageKey, DownloadNames.Snapshot(snapshot), context, cancellationToken);
        if (shared.Clip is not { } clip) return ShareProblems.Closed(shared);
        if (ClipProblems.NotReady(clip) is { } notReady) return notReady;
        return await Attachments.OpenAsync(store, clip.VideoKey!, DownloadNames.Clip(clip), context, cancellationToken);
    }

    // Whoever holds a link may lose it at any moment (revoked, expired): no cache may keep answering for it.
    private static void NotStored(HttpContext context) => context.Response.Headers.CacheControl = "no-store";
}
