using DogMonitor.Domain.Sharing;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DogMonitor.Web.Sharing;

/// <summary>The answers for a share link that opens nothing: 410 once it was real, 404 when it never was.</summary>
internal static class ShareProblems
{
    public static ProblemHttpResult Closed(SharedItem shared) => shared.State switch
    {
        ShareLinkState.Expired => TypedResults.Problem("This link has expired; ask whoever sent it for a new one.",
            statusCode: StatusCodes.Status410Gone, title: "Link expired."),
        ShareLinkState.Revoked => TypedResults.Problem("This link was revoked by its owner.",
            statusCode: StatusCodes.Status410Gone, title: "Link revoked."),
        _ => NotFound,
    };

    /// <summary>Also what <c>/s/{token}/video</c> answers for every closed link, as it always has.</summary>
    public static ProblemHttpResult NotFound => TypedResults.Problem("This link does not exist, has expired or was revoked.",
        statusCode: StatusCodes.Status404NotFound, title: "Link not found.");
}
