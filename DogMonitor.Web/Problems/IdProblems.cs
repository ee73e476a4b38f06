using Microsoft.AspNetCore.Http.HttpResults;

namespace DogMonitor.Web.Problems;

/// <summary>The answers for an id that is not one, or names nothing, worded for the kind of thing asked for.</summary>
internal static class IdProblems
{
    public static ProblemHttpResult Malformed(string kind, string id) =>
        TypedResults.Problem($"'{(id.Length > 40 ? id[..40] + "…" : id)}' is not a {kind} id; ids look like 0193f1c2-7a4e-7cc1-9d2b-5b7f3e0a1c9d.",
            statusCode: StatusCodes.Status400BadRequest, title: $"The {kind} id is malformed.");

    public static ProblemHttpResult NotFound(string kind, Guid id) =>
        TypedResults.Problem($"There is no {kind} {id}.", statusCode: StatusCodes.Status404NotFound,
            title: $"{char.ToUpperInvariant(kind[0])}{kind[1..]} not found.");
}
