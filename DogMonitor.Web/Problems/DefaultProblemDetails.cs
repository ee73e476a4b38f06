
namespace DogMonitor.Web.Problems;

/// <summary>Gives the framework's own answers (no route, wrong method, wrong content type) a sentence too.</summary>
public static class DefaultProblemDetails
{
    public static void Fill(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        if (!string.IsNullOrEmpty(problem.Detail)) return;
        var request = context.HttpContext.Request;
        var path = request.Path.Value;
        problem.Detail = problem.Status switch
        {
            StatusCodes.Status404NotFound => $"Nothing is at {path}. The API reference at /api/docs lists what is.",
            StatusCodes.Status405MethodNotAllowed => $"{request.Method} is not allowed on {path}.",
            StatusCodes.Status415UnsupportedMediaType => "Send the body as JSON with the header Content-Type: application/json.",
            StatusCodes.Status400BadRequest => "The request could not be understood.",
            _ => problem.Title,
        };
    }
}
