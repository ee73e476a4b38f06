using DogMonitor.Domain.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DogMonitor.Web.Downloads;

/// <summary>Streams one stored object to the client as a file to save, never reading it whole into memory.</summary>
internal static class Attachments
{
    public static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> OpenAsync(
        IMediaStore store, string key, string fileName, HttpContext context, CancellationToken cancellationToken)
    {
        var media = await store.OpenReadAsync(key, cancellationToken);
        if (media is null)
            return TypedResults.Problem("The file is missing from the media store; it may have been deleted a moment ago.",
                statusCode: StatusCodes.Status404NotFound, title: "The file is missing.");
        // Files are seekable and so get ranges and a length from the result; an S3 body is not, so say its length here.
        if (!media.Content.CanSeek) context.Response.ContentLength = media.Length;
        return TypedResults.Stream(media.Content, media.ContentType, fileName, enableRangeProcessing: media.Content.CanSeek);
    }
}
