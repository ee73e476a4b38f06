using DogMonitor.Domain.Clips;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DogMonitor.Web.Sharing;

/// <summary>The answer for a clip whose video is asked for before it exists.</summary>
internal static class ClipProblems
{
    /// <summary>A 409 saying why there is no video yet, or null when the clip is ready.</summary>
    public static ProblemHttpResult? NotReady(Clip clip) => clip.Status == ClipStatus.Ready && clip.VideoKey is not null
        ? null
        : TypedResults.Problem(clip.Status == ClipStatus.Failed ? "This clip could not be made." : "This clip is still being cut; try again in a few seconds.",
            statusCode: StatusCodes.Status409Conflict, title: "The clip is not ready.");
}
