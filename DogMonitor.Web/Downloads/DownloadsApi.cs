using DogMonitor.Domain.Clips;
using DogMonitor.Domain.Owners;
using DogMonitor.Domain.Persistence;
using DogMonitor.Domain.Snapshots;
using DogMonitor.Domain.Storage;
using DogMonitor.Web.Problems;
using DogMonitor.Web.Sharing;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace DogMonitor.Web.Downloads;

/// <summary>Snapshots and clips as files to save (<c>Content-Disposition: attachment</c>), one at a time or as one zip.</summary>
public static class DownloadsApi
{
    private static readonly string[] ImageTypes = ["image/jpeg", "image/png", "image/webp"];

    public static IEndpointRouteBuilder MapDownloadsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/snapshots/{id}/download", DownloadSnapshot)
            .WithTags("Downloads")
            .WithSummary("Download a snapshot's original image as a file")
            .Produces<Stream>(StatusCodes.Status200OK, ImageTypes[0], ImageTypes[1..])
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        app.MapGet("/api/clips/{id}/download", DownloadClip)
            .WithTags("Downloads")
            .WithSummary("Download a ready clip's video as an mp4 file")
            .Produces<Stream>(StatusCodes.Status200OK, "video/mp4")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        app.MapGet("/api/downloads.zip", DownloadArchive)
            .WithTags("Downloads")
            .WithSummary($"Download up to {ArchiveRequest.MaxItems} snapshots and ready clips as one zip, streamed")
            .WithDescription("Repeat snapshot_id and clip_id for each item. Every id is checked before the zip starts: unknown ids are a 404 naming them, clips not ready a 409.")
            .Produces<Stream>(StatusCodes.Status200OK, "application/zip")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return app;
    }

    internal static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> DownloadSnapshot(
        string id, SnapshotService snapshots, IMediaStore store, HttpContext context, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(id, out var snapshotId)) return IdProblems.Malformed("snapshot", id);
        var snapshot = await snapshots.FindAsync(snapshotId, cancellationToken);
        if (snapshot is null) return IdProblems.NotFound("snapshot", snapshotId);
        return await Attachments.OpenAsync(store, snapshot.ImageKey, DownloadNames.Snapshot(snapshot), context, cancellationToken);
    }

    internal static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> DownloadClip(
        string id, ClipService clips, IMediaStore store, HttpContext context, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(id, out var clipId)) return IdProblems.Malformed("clip", id);
        var clip = await clips.FindAsync(clipId, cancellationToken);
        if (clip is null) return IdProblems.NotFound("clip", clipId);
        if (ClipProblems.NotReady(clip) is { } notReady) return notReady;
        return await Attachments.OpenAsync(store, clip.VideoKey!, DownloadNames.Clip(clip), context, cancellationToken);
    }

    /// <param name="snapshotIds">A snapshot to include; repeat for more.</param>
    /// <param name="clipIds">A ready clip to include; repeat for more.</param>
    internal static async Task<Results<PushStreamHttpResult, ProblemHttpResult>> DownloadArchive(
        [FromQuery(Name = "snapshot_id")] string[]? snapshotIds, [FromQuery(Name = "clip_id")] string[]? clipIds,
        DogMonitorDbContext db, ICurrentUser user, IMediaStore store, TimeProvider clock, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var request = ArchiveRequest.Parse(snapshotIds, clipIds);
        var (items, problem) = await ArchiveContents.ResolveAsync(request, db, user, cancellationToken);
        if (problem is not null) return problem;
        var logger = loggers.CreateLogger(typeof(DownloadsApi).FullName!);
        return TypedResults.Stream(body => ArchiveWriter.WriteAsync(body, items!, store, logger, cancellationToken),
            "application/zip", DownloadNames.Archive(clock.GetUtcNow().UtcDateTime));
    }
}
