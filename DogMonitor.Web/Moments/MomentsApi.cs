using DogMonitor.Domain.Cameras;
using DogMonitor.Domain.Moments;
using DogMonitor.Web.Clips;
using DogMonitor.Web.Media;
using DogMonitor.Web.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace DogMonitor.Web.Moments;

/// <summary>The moments the cameras noticed: listed, read, marked reviewed, and kept (copied into the caller's clips).</summary>
public static class MomentsApi
{
    public static IEndpointRouteBuilder MapMomentsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/moments").WithTags("Moments");
        api.MapGet("/", ListMoments).WithSummary("List the moments of the cameras you may see, newest first (keyset pagination)").ProducesValidationProblem();
        api.MapGet("/{id}", GetMoment).WithSummary("Get a moment and its clip");
        api.MapPost("/{id}/reviewed", MarkReviewed).WithSummary("Mark a moment reviewed (by you)");
        api.MapPost("/{id}/keep", Keep)
            .WithSummary("Copy a moment's clip into your own clips; cut in the background")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }

    /// <param name="kind">Only moments noticed by motion, or by sound.</param>
    /// <param name="reviewed">Only moments you have (true) or have not (false) reviewed.</param>
    /// <param name="from">Only moments that began at or after this time (ISO 8601).</param>
    /// <param name="to">Only moments that began before this time (ISO 8601).</param>
    internal static async Task<Ok<MomentPageResponse>> ListMoments(
        MomentService moments, CameraCatalog cameras, MediaLinks links,
        int? limit, string? cursor, [FromQuery(Name = "camera_id")] string? cameraId, string? from, string? to, string? kind, string? reviewed,
        CancellationToken cancellationToken)
    {
        var page = await moments.ListAsync(MomentQuery.Parse(limit, cursor, cameraId, from, to, kind, reviewed), cancellationToken);
        var items = new List<MomentResponse>(page.Items.Count);
        foreach (var moment in page.Items) items.Add(await MomentResponse.FromAsync(moment, cameras, links, cancellationToken));
        return TypedResults.Ok(new MomentPageResponse(items, page.Next?.Encode()));
    }

    internal static async Task<Results<Ok<MomentResponse>, ProblemHttpResult>> GetMoment(
        string id, MomentService moments, CameraCatalog cameras, MediaLinks links, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(id, out var momentId)) return IdProblems.Malformed("moment", id);
        var moment = await moments.FindAsync(momentId, cancellationToken);
        return moment is null ? IdProblems.NotFound("moment", momentId) : TypedResults.Ok(await MomentResponse.FromAsync(moment, cameras, links, cancellationToken));
    }

    internal static async Task<Results<Ok<MomentResponse>, ProblemHttpResult>> MarkReviewed(
        string id, MomentService moments, CameraCatalog cameras, MediaLinks links, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(id, out var momentId)) return IdProblems.Malformed("moment", id);
        var moment = await moments.MarkReviewedAsync(momentId, cancellationToken);
        return moment is null ? IdProblems.NotFound("moment", momentId) : TypedResults.Ok(await MomentResponse.FromAsync(moment, cameras, links, cancellationToken));
    }

    internal static async Task<Results<Accepted<ClipResponse>, ProblemHttpResult>> Keep(
        string id, MomentService moments, MediaLinks links, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(id, out var momentId)) return IdProblems.Malformed("moment", id);
        var clip = await moments.KeepAsync(momentId, cancellationToken);
        return clip is null
            ? IdProblems.NotFound("moment", momentId)
            : TypedResults.Accepted($"/api/clips/{clip.Id}", await ClipResponse.FromAsync(clip, links, cancellationToken));
    }
}
