using DogMonitor.Domain.Paging;
using DogMonitor.Domain.Snapshots;
using DogMonitor.Web.Editing;
using DogMonitor.Web.Media;
using DogMonitor.Web.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace DogMonitor.Web.Snapshots;

public static class SnapshotsApi
{
    public static IEndpointRouteBuilder MapSnapshotsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/snapshots").WithTags("Snapshots");

        api.MapPost("/", CreateSnapshot)
            .WithSummary("Store a frame with labels and a note")
            .Accepts<CreateSnapshotRequest>("application/json")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        api.MapGet("/", ListSnapshots)
            .WithSummary("List snapshots, newest first (keyset pagination)")
            .ProducesValidationProblem();
        api.MapGet("/{id}", GetSnapshot).WithSummary("Get one snapshot");
        api.MapPatch("/{id}", EditSnapshot)
            .WithSummary("Change a snapshot's labels or note")
            .Accepts<EditItemRequest>("application/json")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        api.MapDelete("/{id}", DeleteSnapshot)
            .WithSummary("Delete a snapshot and its media")
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return app;
    }

    internal static async Task<Created<SnapshotResponse>> CreateSnapshot(
        HttpContext context, SnapshotService snapshots, MediaLinks links, IOptions<SnapshotOptions> options, CancellationToken cancellationToken)
    {
        var request = await JsonBody.ReadAsync<CreateSnapshotRequest>(context, options.Value.MaxRequestBytes, cancellationToken);
        var snapshot = await snapshots.CreateAsync(request.ToNewSnapshot(), cancellationToken);
        return TypedResults.Created($"/api/snapshots/{snapshot.Id}", await SnapshotResponse.FromAsync(snapshot, links, cancellationToken));
    }

    /// <param name="limit">Items per page, 1 to 200 (default 50).</param>
    /// <param name="cursor">The <c>next_cursor</c> of the previous page.</param>
    /// <param name="label">Only snapshots with this label.</param>
    /// <param name="from">Only snapshots seen at or after this time (ISO 8601).</param>
    /// <param name="to">Only snapshots seen before this time (ISO 8601).</param>
    /// <param name="cameraId">Only snapshots from this camera.</param>
    /// <param name="q">Only snapshots whose labels or note have words starting with each of these words, in any order ("bal gar" finds "ball in the garden"); at most 200 characters.</param>
    internal static async Task<Ok<SnapshotPageResponse>> ListSnapshots(
        SnapshotService snapshots, MediaLinks links,
        int? limit, string? cursor, string? label, string? from, string? to,
        [FromQuery(Name = "camera_id")] string? cameraId, string? q, CancellationToken cancellationToken)
    {
        var query = ListQuery.Parse(limit, cursor, label, from, to, cameraId, q);
        var page = await snapshots.ListAsync(query, cancellationToken);
        var items = new List<SnapshotResponse>(page.Items.Count);
        foreach (var snapshot in page.Items)
            items.Add(await SnapshotResponse.FromAsync(snapshot, links, cancellationToken));
        return TypedResults.Ok(new SnapshotPageResponse(items, page.Next?.Encode()));
    }

    internal static async Task<Results<Ok<SnapshotResponse>, ProblemHttpResult>> GetSnapshot(
        string id, SnapshotService snapshots, MediaLinks links, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(id, out var snapshotId)) return IdProblems.Malformed("snapshot", id);
        var snapshot = await snapshots.FindAsync(snapshotId, cancellationToken);
        return snapshot is null ? IdProblems.NotFound("snapshot", snapshotId) : TypedResults.Ok(await SnapshotResponse.FromAsync(snapshot, links, cancellationToken));
    }

    internal static async Task<Results<Ok<SnapshotResponse>, ProblemHttpResult>> EditSnapshot(
        string id, HttpContext context, SnapshotService snapshots, MediaLinks links, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(id, out var snapshotId)) return IdProblems.Malformed("snapshot", id);
        var request = await JsonBody.ReadAsync<EditItemRequest>(context, EditItemRequest.MaxBytes, cancellationToken);
        var snapshot = await snapshots.EditAsync(snapshotId, request.ToItemEdit(), cancellationToken);
        return snapshot is null ? IdProblems.NotFound("snapshot", snapshotId) : TypedResults.Ok(await SnapshotResponse.FromAsync(snapshot, links, cancellationToken));
    }

    internal static async Task<Results<NoContent, ProblemHttpResult>> DeleteSnapshot(
        string id, SnapshotService snapshots, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(id, out var snapshotId)) return IdProblems.Malformed("snapshot", id);
        return await snapshots.DeleteAsync(snapshotId, cancellationToken) ? TypedResults.NoContent() : IdProblems.NotFound("snapshot", snapshotId);
    }
}
