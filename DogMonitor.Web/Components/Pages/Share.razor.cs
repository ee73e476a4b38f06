using System.Globalization;
using DogMonitor.Domain.Cameras;
using DogMonitor.Domain.Clips;
using DogMonitor.Domain.Sharing;
using DogMonitor.Domain.Snapshots;
using Microsoft.AspNetCore.Components;

namespace DogMonitor.Web.Components.Pages;

/// <summary>
/// The public page a share link opens, rendered once on the server (no circuit: the viewer may be anyone, on any
/// device, and chat apps fetch it for the card). 200 with the clip or snapshot, 410 for an expired or revoked link,
/// 404 otherwise.
/// </summary>
public sealed partial class Share
{
    private const int RefreshSeconds = 3;

    private SharedItem _shared = SharedItem.Unknown;

    /// <summary>The token from the link.</summary>
    [Parameter]
    public string Token { get; set; } = "";

    [CascadingParameter]
    private HttpContext HttpContext { get; set; } = null!;

    [Inject] private ShareService Shares { get; set; } = null!;
    [Inject] private CameraCatalog Cameras { get; set; } = null!;
    [Inject] private NavigationManager Navigation { get; set; } = null!;

    private Clip? Clip => _shared.Clip;
    private Snapshot? Snapshot => _shared.Snapshot;
    private bool IsOpen => _shared.State == ShareLinkState.Open;
    private bool IsReady => Clip is { Status: ClipStatus.Ready, VideoKey: not null };
    private bool IsBeingCut => Clip is { Status: ClipStatus.Queued or ClipStatus.Processing };

    /// <summary>Whether there is an image for cards and a file to download: a ready clip, or any snapshot.</summary>
    private bool HasMedia => IsReady || Snapshot is not null;

    private string? CameraId => Clip?.CameraId ?? Snapshot?.CameraId;
    private string CameraName => Cameras.Find(CameraId)?.Name ?? CameraId ?? "Uploaded";
    private DateTime? ItemTime => Clip?.Timestamp ?? Snapshot?.Timestamp;
    private IReadOnlyList<string> ItemLabels => Clip?.Labels ?? Snapshot?.Labels ?? [];
    private string? ItemNote => Clip?.Note ?? Snapshot?.Note;

    private string Headline => _shared.State switch
    {
        ShareLinkState.Open when Snapshot is not null => CameraId is null ? "Uploaded snapshot" : $"Snapshot from {CameraName}",
        ShareLinkState.Open => $"Clip from {CameraName}",
        ShareLinkState.Expired => "This link has expired",
        ShareLinkState.Revoked => "This link was revoked",
        _ => "There is no such link",
    };

    private string Title => $"{Headline} · DogMonitor";

    private string ClosedExplanation => _shared.State switch
    {
        ShareLinkState.Expired => "Share links work for a limited time. Ask whoever sent it for a new one.",
        ShareLinkState.Revoked => "Its owner has stopped sharing it.",
        _ => "Check that the whole link was copied; it may also belong to a clip or snapshot that has been deleted.",
    };

    private string Description => string.Join(" · ", new[] { UtcTime, CameraName, Labels }.Where(part => part.Length > 0));
    private string Labels => string.Join(", ", ItemLabels);
    private string IsoTime => ItemTime is { } at ? Iso(at) : "";
    private string UtcTime => ItemTime is { } at ? Readable(at) : "";
    private string IsoExpiry => _shared.ExpiresAt is { } at ? Iso(at) : "";
    private string UtcExpiry => _shared.ExpiresAt is { } at ? Readable(at) : "";

    /// <summary>What the meta line says after time and camera: a clip's length, a snapshot's size in pixels.</summary>
    private string Extent => Snapshot is { } snapshot
        ? string.Create(CultureInfo.InvariantCulture, $"{snapshot.Width}×{snapshot.Height}")
        : Duration(Clip?.ProducedDurationMs ?? Clip?.DurationMs ?? 0);

    private string ImageAlt => $"{Headline} at {UtcTime}";

    private string DownloadLabel => Snapshot is not null ? "Download the image" : "Download the clip as an mp4 file";

    protected override async Task OnInitializedAsync()
    {
        _shared = await Shares.OpenAsync(Token, HttpContext.RequestAborted);
        var response = HttpContext.Response;
        // A link can be revoked any moment: neither browsers nor proxies may answer for it later.
        response.Headers.CacheControl = "no-store";
        response.Headers["X-Robots-Tag"] = "noindex, nofollow";
        switch (_shared.State)
        {
            case ShareLinkState.Expired or ShareLinkState.Revoked:
                response.StatusCode = StatusCodes.Status410Gone;
                break;
            case ShareLinkState.Unknown:
                // .NET 10 sends no body for a page that sets 404 itself (it expects a re-executed not-found page),
                // and this page's explanation is the point: set the status as the headers go out, after rendering.
                response.OnStarting(() =>
                {
                    response.StatusCode = StatusCodes.Status404NotFound;
                    return Task.CompletedTask;
                });
                break;
        }
    }

    private string Relative(string suffix) => $"/s/{Uri.EscapeDataString(Token)}{suffix}";

    /// <summary>Chat apps and crawlers resolve nothing relative: card URLs must be whole.</summary>
    private string Absolute(string suffix) => Navigation.ToAbsoluteUri(Relative(suffix)).ToString();

    private static string Duration(long ms)
    {
        var time = TimeSpan.FromMilliseconds(ms);
        return time.TotalMinutes >= 1
            ? string.Create(CultureInfo.InvariantCulture, $"{(int)time.TotalMinutes} min {time.Seconds} s")
            : string.Create(CultureInfo.InvariantCulture, $"{time.TotalSeconds:0.#} s");
    }

    private static string Iso(DateTime utc) => utc.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    private static string Readable(DateTime utc) => utc.ToString("d MMM yyyy, HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);
}
