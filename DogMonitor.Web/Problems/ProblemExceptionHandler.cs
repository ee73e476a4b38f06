using DogMonitor.Domain.Persistence;
using DogMonitor.Domain.Problems;
using DogMonitor.Domain.Recording;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace DogMonitor.Web.Problems;

/// <summary>
/// Maps what can go wrong to RFC 9457 problem details: bad input is a 4xx naming the field,
/// an unreachable dependency a 503 saying which; anything else a 500 that still is problem+json.
/// </summary>
public sealed partial class ProblemExceptionHandler(IProblemDetailsService problemDetails, ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var problem = ToProblem(exception);
        if (problem.Status >= 500) LogFailure(logger, problem.Status ?? 500, httpContext.Request.Path, exception);
        if (problem.Status == StatusCodes.Status503ServiceUnavailable) httpContext.Response.Headers.RetryAfter = "5";
        httpContext.Response.StatusCode = problem.Status ?? StatusCodes.Status500InternalServerError;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }

    internal static ProblemDetails ToProblem(Exception exception) => exception switch
    {
        RequestValidationException invalid => new HttpValidationProblemDetails(invalid.Errors)
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "The request is invalid.",
            Detail = invalid.Summary,
        },
        MediaRejectedException rejected => new HttpValidationProblemDetails(new Dictionary<string, string[]> { [rejected.Field] = [rejected.Message] })
        {
            Status = rejected.Reason == MediaRejection.TooLarge ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status400BadRequest,
            Title = rejected.Reason == MediaRejection.TooLarge ? "The image is too large." : "The image is not usable.",
            Detail = rejected.Message,
        },
        ConflictException conflict => Problem(StatusCodes.Status409Conflict, "Not possible in the item's present state.", conflict.Message),
        RangeNotCoveredException range => Problem(StatusCodes.Status422UnprocessableEntity, "The recording buffer does not hold that moment.", range.Message),
        BodyRejectedException body => Problem(body.StatusCode, "The request body was refused.", body.Message),
        BadHttpRequestException bad => Problem(bad.StatusCode, "The request was refused.", bad.Message),
        DependencyUnavailableException unavailable => Problem(StatusCodes.Status503ServiceUnavailable,
            $"The {unavailable.Dependency} is unavailable.", unavailable.Message),
        _ when DatabaseErrors.IsDatabaseFailure(exception) => Problem(StatusCodes.Status503ServiceUnavailable,
            "The database is unavailable.", "The database could not complete the request; try again shortly. The server's log has the details."),
        _ => Problem(StatusCodes.Status500InternalServerError, "Something went wrong on the server.", "The error has been logged; please try again."),
    };

    private static ProblemDetails Problem(int status, string title, string detail) => new() { Status = status, Title = title, Detail = detail };

    [LoggerMessage(LogLevel.Error, "Request {Path} failed with {Status}")]
    private static partial void LogFailure(ILogger logger, int status, PathString path, Exception exception);
}
