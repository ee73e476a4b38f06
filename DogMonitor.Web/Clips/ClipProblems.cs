using Microsoft.AspNetCore.Http.HttpResults;

namespace DogMonitor.Web.Clips;

internal static class ClipProblems
{
    public static ProblemHttpResult MalformedId(string id) =>
        TypedResults.Problem($"'{(id.Length > 40 ? id[..40] + "…" : id)}' is not a clip id; ids look like 0193f1c2-7a4e-7cc1-9d2b-5b7f3e0a1c9d.",
            statusCode: StatusCodes.Status400BadRequest, title: "The clip id is malformed.");

    public static ProblemHttpResult NotFound(Guid id) =>
        TypedResults.Problem($"There is no clip {id}.", statusCode: StatusCodes.Status404NotFound, title: "Clip not found.");
}
