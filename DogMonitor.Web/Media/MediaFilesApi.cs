using DogMonitor.Domain.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.StaticFiles;

namespace DogMonitor.Web.Media;

/// <summary>Serves the filesystem store's objects to holders of a valid signed URL, with range requests.</summary>
public static class MediaFilesApi
{
    private static readonly FileExtensionContentTypeProvider ContentTypes = new();

    public static IEndpointRouteBuilder MapMediaFiles(this IEndpointRouteBuilder app)
    {
        app.MapGet(MediaUrlSigner.PathPrefix + "{**key}", GetMediaFile)
            .WithName("GetMediaFile")
            // The signature is the credential, as with a presigned S3 URL: it is handed out only to those allowed to see the item.
            .AllowAnonymous()
            .ExcludeFromDescription();
        return app;
    }

    internal static Results<PhysicalFileHttpResult, ProblemHttpResult> GetMediaFile(
        string key, string? expires, string? signature, MediaUrlSigner signer, FileSystemMediaStore store, HttpContext context)
    {
        if (!MediaKeys.IsValid(key))
            return TypedResults.Problem("This media link is not valid.", statusCode: StatusCodes.Status403Forbidden);
        switch (signer.Check(key, expires, signature))
        {
            case SignedUrlCheck.Invalid:
                return TypedResults.Problem("This media link is not valid: its signature does not match.", statusCode: StatusCodes.Status403Forbidden);
            case SignedUrlCheck.Expired:
                return TypedResults.Problem("This media link has expired; ask the app for a fresh one.", statusCode: StatusCodes.Status403Forbidden);
        }
        var path = store.PathOf(key);
        if (!File.Exists(path))
            return TypedResults.Problem("This media no longer exists.", statusCode: StatusCodes.Status404NotFound);
        if (!ContentTypes.TryGetContentType(path, out var contentType)) contentType = "application/octet-stream";
        context.Response.Headers.CacheControl = "private, max-age=300";
        return TypedResults.PhysicalFile(path, contentType, enableRangeProcessing: true);
    }
}
