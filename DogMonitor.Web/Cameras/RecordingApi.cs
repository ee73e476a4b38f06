using DogMonitor.Domain.Cameras;
using DogMonitor.Domain.Recording;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DogMonitor.Web.Cameras;

/// <summary>
/// A camera's recording as time: which spans the buffer holds (the timeline), and any window of it as an HLS playlist
/// with program date-times that plays it back. The playlist's segments are the buffer's own, served beside it.
/// </summary>
public static class RecordingApi
{
    /// <summary>The longest window the timeline describes at once.</summary>
    public static readonly TimeSpan MaxTimelineWindow = TimeSpan.FromDays(31);

    public static RouteGroupBuilder MapRecordingApi(this RouteGroupBuilder cameras)
    {
        cameras.MapGet("/{id}/timeline", Timeline)
            .WithSummary("The spans the camera's buffer holds between from and to (default: the last hour recorded)")
            .ProducesValidationProblem();
        cameras.MapGet("/{id}/recording.m3u8", Playlist)
            .WithSummary("A window of the recording (at most 6 hours) as a finished HLS playlist with program date-times")
            .ProducesValidationProblem();
        return cameras;
    }

    /// <param name="from">Where the window starts (ISO 8601).</param>
    /// <param name="to">Where the window ends (ISO 8601).</param>
    internal static async Task<Results<Ok<TimelineResponse>, ProblemHttpResult>> Timeline(
        string id, string? from, string? to, VisibleCameras cameras, IRecordingBuffer buffer, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (cameras.Find(id) is null) return CamerasApi.NoCamera(id);
        var segments = await buffer.ReadSegmentsAsync(id, cancellationToken);
        var held = BufferTimeline.Held(segments);
        var window = RecordingWindow.Parse(from, to, held, clock.GetUtcNow().UtcDateTime, MaxTimelineWindow);
        var spans = BufferTimeline.RecordedSpans(segments, window.From, window.To).Select(s => new RecordedSpanResponse(s.First, s.Last)).ToList();
        return TypedResults.Ok(new TimelineResponse(id, window.From, window.To, held?.First, held?.Last, spans));
    }

    /// <param name="from">Where playback starts (ISO 8601); the segment holding it comes first.</param>
    /// <param name="to">Where the playlist ends (ISO 8601).</param>
    internal static async Task<Results<ContentHttpResult, ProblemHttpResult>> Playlist(
        string id, string? from, string? to, VisibleCameras cameras, IRecordingBuffer buffer, TimeProvider clock, HttpContext context)
    {
        if (cameras.Find(id) is null) return CamerasApi.NoCamera(id);
        var segments = await buffer.ReadSegmentsAsync(id, context.RequestAborted);
        var window = RecordingWindow.Parse(from, to, BufferTimeline.Held(segments), clock.GetUtcNow().UtcDateTime, BufferTimeline.MaxWindow);
        if (BufferTimeline.Window(segments, window.From, window.To) is not { } playlist)
            return TypedResults.Problem(
                $"Camera '{id}' recorded nothing from {new BufferSpan(window.From, window.To)}; GET /api/cameras/{id}/timeline shows what its buffer holds.",
                statusCode: StatusCodes.Status404NotFound, title: "Nothing recorded then.");
        context.Response.Headers.CacheControl = "no-store"; // retention rolls the buffer on
        return TypedResults.Text(HlsPlaylist.Write(playlist), "application/vnd.apple.mpegurl");
    }
}

/// <summary>What a camera's buffer holds over a window of time.</summary>
/// <param name="From">The window's start.</param>
/// <param name="To">The window's end.</param>
/// <param name="BufferFirst">The oldest moment the buffer holds (null when it holds nothing).</param>
/// <param name="BufferLast">The newest moment the buffer holds.</param>
/// <param name="Spans">The recorded spans inside the window, oldest first; time between them was not recorded.</param>
public sealed record TimelineResponse(string CameraId, DateTime From, DateTime To, DateTime? BufferFirst, DateTime? BufferLast, IReadOnlyList<RecordedSpanResponse> Spans);

/// <summary>A span recorded without a break.</summary>
public sealed record RecordedSpanResponse(DateTime Start, DateTime End);
