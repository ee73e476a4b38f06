using System.Text.RegularExpressions;
using DogMonitor.Domain.Cameras;
using DogMonitor.Domain.Recording;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DogMonitor.Web.Cameras;

public static partial class CamerasApi
{
    // The buffer's segments (fragmented MP4 with each run's init.mp4, or MPEG-TS from older buffers) and the live view's own H.264 encoding of an H.265 camera.
    [GeneratedRegex(@"^(h264-)?seg-[A-Za-z0-9_-]+\.(ts|m4s|mp4)$")]
    private static partial Regex SegmentName();

    public static IEndpointRouteBuilder MapCamerasApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/cameras").WithTags("Cameras");
        api.MapGet("/", ListCameras).WithSummary("The cameras, whether each is recording, and the span its buffer holds");
        api.MapGet("/{id}/live.m3u8", LivePlaylist).WithSummary("The camera's live HLS playlist");
        api.MapRecordingApi();
        api.MapGet("/{id}/{segment}", LiveSegment).WithSummary("A segment of the live or recording playlist");
        return app;
    }

    internal static async Task<Ok<List<CameraResponse>>> ListCameras(VisibleCameras cameras, ICameraStateReader states, CancellationToken cancellationToken)
    {
        var list = new List<CameraResponse>(cameras.Cameras.Count);
        foreach (var camera in cameras.Cameras)
        {
            var state = await states.ReadAsync(camera.Id, cancellationToken);
            list.Add(new CameraResponse(camera.Id, camera.Name, KindOf(camera.Source),
                state?.Online ?? false, state?.BufferFirst, state?.BufferLast, state?.LastError, state?.LastErrorAt, state?.Restarts ?? 0,
                $"/api/cameras/{camera.Id}/live.m3u8", state?.Stream));
        }
        return TypedResults.Ok(list);
    }

    internal static async Task<Results<PhysicalFileHttpResult, ProblemHttpResult>> LivePlaylist(
        string id, VisibleCameras cameras, BufferLayout layout, ICameraStateReader states, HttpContext context)
    {
        if (cameras.Find(id) is null) return NoCamera(id);
        // A camera browsers cannot play (H.265) is watched through the recorder's H.264 encoding of it.
        var state = await states.ReadAsync(id, context.RequestAborted);
        var path = state?.Stream is { LiveTranscoded: true } ? layout.TranscodedLivePlaylist(id) : layout.LivePlaylist(id);
        if (!File.Exists(path))
            return TypedResults.Problem($"Camera '{id}' has not recorded anything yet; GET /api/cameras shows its state.", statusCode: StatusCodes.Status404NotFound, title: "No live video yet.");
        context.Response.Headers.CacheControl = "no-cache"; // the playlist changes every segment
        return TypedResults.PhysicalFile(path, "application/vnd.apple.mpegurl");
    }

    internal static Results<PhysicalFileHttpResult, ProblemHttpResult> LiveSegment(string id, string segment, VisibleCameras cameras, BufferLayout layout, HttpContext context)
    {
        if (cameras.Find(id) is null) return NoCamera(id);
        var path = layout.Segment(id, segment);
        if (!SegmentName().IsMatch(segment) || !File.Exists(path))
            return TypedResults.Problem($"Camera '{id}' has no segment '{segment}' (segments leave the buffer as it rolls).", statusCode: StatusCodes.Status404NotFound, title: "Segment not found.");
        context.Response.Headers.CacheControl = "private, max-age=3600, immutable"; // a segment never changes; private: it needs a user
        return TypedResults.PhysicalFile(path, ContentType(segment), enableRangeProcessing: true);
    }

    private static string ContentType(string segment) => Path.GetExtension(segment) switch
    {
        ".ts" => "video/mp2t",
        ".m4s" => "video/iso.segment",
        _ => "video/mp4",
    };

    private static string KindOf(CameraSource source) => source switch
    {
        SyntheticCameraSource => "synthetic",
        RtspCameraSource => "rtsp",
        V4l2CameraSource => "v4l2",
        FileCameraSource => "file",
        _ => "other",
    };

    internal static ProblemHttpResult NoCamera(string id) =>
        TypedResults.Problem($"There is no camera '{id}'; GET /api/cameras lists them.", statusCode: StatusCodes.Status404NotFound, title: "Camera not found.");
}
