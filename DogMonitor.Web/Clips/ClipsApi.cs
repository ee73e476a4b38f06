using DogMonitor.Domain.Clips;
using DogMonitor.Domain.Paging;
using DogMonitor.Domain.Problems;
using DogMonitor.Domain.Validation;
using DogMonitor.Web.Editing;
using DogMonitor.Web.Media;
using DogMonitor.Web.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace DogMonitor.Web.Clips;

public static class ClipsApi
{
    private const long MaxBodyBytes = 64 * 1024;

    public static IEndpointRouteBuilder MapClipsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/clips").WithTags("Clips");
        api.MapPost("/", CreateClip)
            .WithSummary("Queue a clip of a camera's recording; cut in the background")
            .Accepts<CreateClipRequest>("application/json")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        api.MapGet("/", ListClips).WithSummary("List clips, newest first (keyset pagination)").ProducesValidationProblem();
        api.MapGet("/{id}", GetClip).WithSummary("Get a clip's status, progress and, when ready, its media");
        api.MapPatch("/{id}", EditClip)
            .WithSummary("Change a clip's labels or note")
            .Accepts<EditItemRequest>("application/json")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        api.MapPost("/{id}/trim", TrimClip)
            .WithSummary("Queue a new clip cut from part of a ready clip's own video; with replace, it takes the clip's place once ready")
            .Accepts<TrimClipRequest>("application/json")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        api.MapDelete("/{id}", DeleteClip).WithSummary("Delete a clip (a running cut is cancelled) and its media")
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return app;
    }

    internal static async Task<Accepted<ClipResponse>> CreateClip(HttpContext context, ClipService clips, MediaLinks links, CancellationToken cancellationToken)
    {
        var request = await JsonBody.ReadAsync<CreateClipRequest>(context, MaxBodyBytes, cancellationToken);
        var clip = await clips.CreateAsync(request.ToNewClip(), cancellationToken);
        return TypedResults.Accepted($"/api/clips/{clip.Id}", await ClipResponse.FromAsync(clip, links, cancellationToken));
    }

    /// <param name="status">Only clips in this state: queued, processing, ready or failed.</param>
    /// <param name="q">Only clips whose labels or note have words starting with each of these words, in any order; at most 200 characters.</param>
    internal static async Task<Ok<ClipPageResponse>> ListClips(
        ClipService clips, MediaLinks links,
        int? limit, string? cursor, string? label, string? from, string? to,
        [FromQuery(Name = "camera_id")] string? cameraId, string? status, string? q, CancellationToken cancellationToken)
    {
        var query = ListQuery.Parse(limit, cursor, label, from, to, cameraId, q);
        var page = await clips.ListAsync(query, ParseStatus(status), cancellationToken);
        var items = new List<ClipResponse>(page.Items.Count);
        foreach (var clip in page.Items)
            items.Add(await ClipResponse.FromAsync(clip, links, cancellationToken));
        return TypedResults.Ok(new ClipPageResponse(items, page.Next?.Encode()));
    }

    internal static async Task<Results<Ok<ClipResponse>, ProblemHttpResult>> GetClip(string id, ClipService clips, MediaLinks links, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(id, out var clipId)) return IdProblems.Malformed("clip", id);
        var clip = await clips.FindAsync(clipId, cancellationToken);
        return clip is null ? IdProblems.NotFound("clip", clipId) : TypedResults.Ok(await ClipResponse.FromAsync(clip, links, cancellationToken));
    }

    internal static async Task<Results<Ok<ClipResponse>, ProblemHttpResult>> EditClip(
        string id, HttpContext context, ClipService clips, MediaLinks links, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(id, out var clipId)) return IdProblems.Malformed("clip", id);
        var request = await JsonBody.ReadAsync<EditItemRequest>(context, EditItemRequest.MaxBytes, cancellationToken);
        var clip = await clips.EditAsync(clipId, request.ToItemEdit(), cancellationToken);
        return clip is null ? IdProblems.NotFound("clip", clipId) : TypedResults.Ok(await ClipResponse.FromAsync(clip, links, cancellationToken));
    }

    internal static async Task<Results<Accepted<ClipResponse>, ProblemHttpResult>> TrimClip(
        string id, HttpContext context, ClipService clips, MediaLinks links, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(id, out var clipId)) return IdProblems.Malformed("clip", id);
        var request = await JsonBody.ReadAsync<TrimClipRequest>(context, MaxBodyBytes, cancellationToken);
        var clip = await clips.TrimAsync(clipId, request.ToClipTrim(), cancellationToken);
        return clip is null
            ? IdProblems.NotFound("clip", clipId)
            : TypedResults.Accepted($"/api/clips/{clip.Id}", await ClipResponse.FromAsync(clip, links, cancellationToken));
    }

    internal static async Task<Results<NoContent, ProblemHttpResult>> DeleteClip(string id, ClipService clips, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(id, out var clipId)) return IdProblems.Malformed("clip", id);
        return await clips.DeleteAsync(clipId, cancellationToken) ? TypedResults.NoContent() : IdProblems.NotFound("clip", clipId);
    }

    private static ClipStatus? ParseStatus(string? status)
    {
        if (status is null) return null;
        // Names only: Enum.TryParse would also take numbers and comma-joined flags.
        foreach (var value in Enum.GetValues<ClipStatus>())
            if (string.Equals(value.ToString(), status, StringComparison.OrdinalIgnoreCase)) return value;
        var errors = new ValidationErrors();
        errors.Add("status", "status is one of queued, processing, ready, failed.");
        throw new RequestValidationException(errors);
    }
}
